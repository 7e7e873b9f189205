// Package config owns the agent's configuration file (/etc/vigil/vigil.yaml,
// CLI.md "The agent's config"): its schema, its defaults, and the checks
// `vigil config check` and `vigil agent` run before anything starts.
//
// Parse walks the YAML node tree itself rather than unmarshalling into
// structs, so that every problem is reported at once and each names the
// file, the line and the key path ("vigil.yaml:12: bmc.cipher_suite: ...");
// unknown and duplicate keys are refused. Load adds CheckFiles: the files
// the config names must exist, and secrets (BMC and fence passwords, the
// gossip key, the TLS key) are referenced by path only, must be non-empty
// and readable by no one beyond owner and group (0640 at most).
//
// A config without cluster: is a standalone host: sensors, prediction and
// alerts only. Defaults are filled in by Parse, so a Config is complete.
package config
