import CrescendoCore
extension Array where Element == UInt8 {
    @inline(__always) mutating func appendTwoDigits(_ n: Int) {
        append(UInt8(48 + n / 10)); append(UInt8(48 + n % 10))
    }

    @inline(__always) mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        append(UInt8(48 + n % 10))
    }
}
