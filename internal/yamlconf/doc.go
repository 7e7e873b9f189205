// Package yamlconf checks a YAML config file against a schema written as
// code, reporting every problem at once with where it is: the file, the
// line and the key path ("vigil.yaml:12: bmc.cipher_suite: ...").
//
// The caller parses the file into a gopkg.in/yaml.v3 node tree and walks
// it with a [Decoder]: [Decoder.Mapping] takes a table of [Field]s (key,
// required, what to do with the value), refuses unknown keys (listing the
// known ones) and duplicate keys, and reports missing required keys at the
// mapping. The value helpers here are the ones every schema needs
// ([Decoder.Scalar], [Describe]); typed values (durations, addresses,
// names) and their messages belong to the schema that owns them, which
// usually embeds Decoder to add its own methods.
//
// A problem with a value is reported at the line of its key when it has
// one ([Decoder.At]): a block mapping's value starts on the next line.
// Problems are [Error]s, collected in [Errors] in the order met, which is
// file order for a single walk.
package yamlconf
