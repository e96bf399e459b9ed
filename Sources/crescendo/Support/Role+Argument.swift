import ArgumentParser
import CrescendoStore

extension Role: ExpressibleByArgument {}
