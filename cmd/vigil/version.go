package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// buildVersion describes the binary from its embedded build info.
type buildVersion struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`
	Modified  bool   `json:"modified"`
	GoVersion string `json:"go_version"`
}

func readBuildVersion() buildVersion {
	v := buildVersion{Version: "(devel)", Commit: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.GoVersion = bi.GoVersion
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the version as the daemon's status and the TUI show it: the
// module version, with a short commit for a development build.
func (v buildVersion) String() string {
	s := v.Version
	if v.Version == "(devel)" && v.Commit != "unknown" {
		s += " " + v.Commit[:min(len(v.Commit), 12)]
	}
	if v.Modified {
		s += "+dirty"
	}
	return s
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version [--json]", "Print vigil's version, VCS commit and Go version from build info.")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	v := readBuildVersion()
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	dirty := ""
	if v.Modified {
		dirty = " (modified)"
	}
	fmt.Fprintf(e.stdout, "vigil %s commit %s%s %s\n", v.Version, v.Commit, dirty, v.GoVersion)
	return nil
}
