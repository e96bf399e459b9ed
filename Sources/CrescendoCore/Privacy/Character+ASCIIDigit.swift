extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
