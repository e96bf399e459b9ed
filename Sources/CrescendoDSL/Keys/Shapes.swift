/// The tables of the campaign language: one `Shape` per kind of mapping, for campaign files and
/// rule libraries (`Shapes+Campaign`, `+Declarations`, `+Rules`, `+Actions`) and rule-test
/// files (`+RuleTest`). A new key is one `Key` entry in its shape; the parser then accepts it,
/// the schema states it (`crescendo schema --write docs/schema`), and the parser must read it
/// (`KeyTableTests` feeds every key to it).
enum Shapes {}
