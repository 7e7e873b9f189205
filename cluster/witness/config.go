package witness

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"gopkg.in/yaml.v3"
)

// DefaultConfigFile is where `vigil witness` reads its config.
const DefaultConfigFile = "/etc/vigil/witness.yaml"

// DefaultID is the witness's raft ID in a cluster whose entry names none.
const DefaultID = "witness"

// MaxClusters bounds the clusters one witness serves (vSAN's serves 64).
const MaxClusters = 256

// Config is the witness's file: `version: 1`, the state directory and the
// clusters it votes in.
//
//	version: 1
//	state_dir: /var/lib/vigil-witness   # one directory per cluster below it
//	clusters:
//	  - name: edge-7
//	    id: witness                      # its raft ID there (default); the certificate names it
//	    raft_address: 10.0.9.1:7947      # raft and the peer API (listen and advertise)
//	    bootstrap:                       # the first voters, the witness among them; used once
//	      - {id: h1, address: 10.0.0.11:7947}
//	      - {id: h2, address: 10.0.0.12:7947}
//	      - {id: witness, address: 10.0.9.1:7947}
//	    # or  join: [10.0.0.11:7947, 10.0.0.12:7947]   # members to ask for a vote
//	    tls: {ca_file: /etc/vigil/edge-7/ca.pem, cert_file: …, key_file: …}
//	    raft_timing: {heartbeat: 500ms, election: 500ms, leader_lease: 250ms, commit: 50ms}
type Config struct {
	// File is where the config was read from (for messages).
	File     string
	StateDir string
	Clusters []Cluster
}

// Cluster is one cluster the witness votes in.
type Cluster struct {
	Name string
	// ID is the witness's raft ID in the cluster.
	ID string
	// RaftAddress is HOST:PORT: the witness listens there (raft and the
	// peer API share it) and its peers dial it.
	RaftAddress string
	// Listen overrides the address listened on (default RaftAddress),
	// e.g. 0.0.0.0:7947 behind NAT.
	Listen string
	// Bootstrap lists the first voters (the witness among them); used
	// once, on an empty state directory. Join lists members to ask for a
	// vote instead. Exactly one is set.
	Bootstrap []replica.Server
	Join      []string
	TLS       replica.TLSFiles
	// Timing is raft's; zero fields take replica.DefaultTiming's. It
	// should match the hosts'.
	Timing replica.Timing
}

// Dir is the cluster's state directory below stateDir.
func (c Cluster) Dir(stateDir string) string { return filepath.Join(stateDir, c.Name) }

// Error is one problem in a config file: where it is and what is wrong.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem has no line
	Path string // key path, dotted ("clusters[1].tls.ca_file")
	Msg  string
}

// Error reads "FILE:LINE: KEY: MSG".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// maxConfigBytes bounds the file.
const maxConfigBytes = 1 << 20

// Load reads and checks the config file at path. The error is Errors,
// naming file, line and key of every problem.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error()}}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error()}}
	}
	if len(data) > maxConfigBytes {
		return nil, Errors{{File: path, Msg: fmt.Sprintf("over %d bytes", maxConfigBytes)}}
	}
	return Parse(path, data)
}

// Parse checks the config in data, read from file (named in errors).
func Parse(file string, data []byte) (*Config, error) {
	d := &decoder{file: file, keyOf: map[*yaml.Node]*yaml.Node{}}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Msg: "empty file: want version: 1, state_dir and clusters"}}
		}
		return nil, Errors{{File: file, Line: yamlErrLine(err), Msg: err.Error()}}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Line: extra.Line, Msg: "more than one YAML document"}}
	}
	c := &Config{File: file}
	root := doc.Content[0]
	var version string
	seen := d.mapping(root, "", []field{
		{"version", true, d.str(&version)},
		{"state_dir", true, d.str(&c.StateDir)},
		{"clusters", true, func(n *yaml.Node, p string) { c.Clusters = d.clusters(n, p) }},
	})
	if n := seen["version"]; n != nil && version != "1" {
		d.errorf(n, "version", "%q: this build reads version 1", version)
	}
	if n := seen["state_dir"]; n != nil && c.StateDir != "" && !filepath.IsAbs(c.StateDir) {
		d.errorf(n, "state_dir", "%q: want an absolute path", c.StateDir)
	}
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return c, nil
}

var lineRe = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	if m := lineRe.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

var nameRe = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

func (d *decoder) clusters(n *yaml.Node, path string) []Cluster {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.errorf(d.at(n), path, "want a list of clusters, got %s", describe(n))
		return nil
	}
	if len(n.Content) > MaxClusters {
		d.errorf(d.at(n), path, "%d clusters, at most %d", len(n.Content), MaxClusters)
		return nil
	}
	var out []Cluster
	names := map[string]int{}
	addrs := map[string]int{}
	for i, cn := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		c, ok := d.cluster(cn, p)
		if !ok {
			continue
		}
		if line, dup := names[c.Name]; dup {
			d.errorf(cn, p+".name", "%q already on line %d", c.Name, line)
		}
		names[c.Name] = cn.Line
		listen := cmp(c.Listen, c.RaftAddress)
		if line, dup := addrs[listen]; dup {
			d.errorf(cn, p+".raft_address", "%s is already listened on by the cluster on line %d", listen, line)
		}
		addrs[listen] = cn.Line
		out = append(out, c)
	}
	return out
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (d *decoder) cluster(n *yaml.Node, path string) (Cluster, bool) {
	before := len(d.errs)
	c := Cluster{ID: DefaultID}
	seen := d.mapping(n, path, []field{
		{"name", true, d.str(&c.Name)},
		{"id", false, d.str(&c.ID)},
		{"raft_address", true, d.hostPort(&c.RaftAddress)},
		{"listen", false, d.hostPort(&c.Listen)},
		{"bootstrap", false, func(n *yaml.Node, p string) { c.Bootstrap = d.servers(n, p) }},
		{"join", false, d.hostPorts(&c.Join)},
		{"tls", true, func(n *yaml.Node, p string) {
			d.mapping(n, p, []field{
				{"ca_file", true, d.path(&c.TLS.CAFile)},
				{"cert_file", true, d.path(&c.TLS.CertFile)},
				{"key_file", true, d.path(&c.TLS.KeyFile)},
			})
		}},
		{"raft_timing", false, func(n *yaml.Node, p string) {
			d.mapping(n, p, []field{
				{"heartbeat", false, d.duration(&c.Timing.Heartbeat)},
				{"election", false, d.duration(&c.Timing.Election)},
				{"leader_lease", false, d.duration(&c.Timing.LeaderLease)},
				{"commit", false, d.duration(&c.Timing.Commit)},
			})
		}},
	})
	if k := seen["name"]; k != nil && !nameRe.MatchString(c.Name) {
		d.errorf(d.at(k), path+".name", "%q: want lower-case letters, digits and '-', at most 63", c.Name)
	}
	if k := seen["id"]; k != nil && !nameRe.MatchString(c.ID) {
		d.errorf(d.at(k), path+".id", "%q: want a host name: lower-case letters, digits and '-', at most 63", c.ID)
	}
	b, j := seen["bootstrap"], seen["join"]
	switch {
	case b == nil && j == nil:
		d.errorf(d.at(n), path, "one of bootstrap or join is required")
	case b != nil && j != nil:
		d.errorf(d.at(j), path+".join", "give bootstrap or join, not both")
	case b != nil && len(c.Bootstrap) > 0:
		self := false
		for i, s := range c.Bootstrap {
			if s.ID == c.ID {
				self = true
				if s.Address != c.RaftAddress {
					d.errorf(b.Content[i], fmt.Sprintf("%s.bootstrap[%d].address", path, i), "%s, but raft_address is %s", s.Address, c.RaftAddress)
				}
			}
		}
		if !self {
			d.errorf(d.at(b), path+".bootstrap", "does not list the witness itself (id %q)", c.ID)
		}
		if len(c.Bootstrap) != 3 {
			d.errorf(d.at(b), path+".bootstrap", "%d voters: a witness is the third voter of a two-host cluster", len(c.Bootstrap))
		}
	}
	return c, len(d.errs) == before
}

func (d *decoder) servers(n *yaml.Node, path string) []replica.Server {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.errorf(d.at(n), path, "want a list of {id, address}, got %s", describe(n))
		return nil
	}
	var out []replica.Server
	ids := map[string]bool{}
	for i, sn := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		s := replica.Server{Voter: true}
		seen := d.mapping(sn, p, []field{
			{"id", true, d.str(&s.ID)},
			{"address", true, d.hostPort(&s.Address)},
		})
		if k := seen["id"]; k != nil {
			if !nameRe.MatchString(s.ID) {
				d.errorf(d.at(k), p+".id", "%q: want a host name", s.ID)
			} else if ids[s.ID] {
				d.errorf(d.at(k), p+".id", "%q listed twice", s.ID)
			}
			ids[s.ID] = true
		}
		out = append(out, s)
	}
	return out
}

// decoder walks a YAML node tree against the schema, collecting every
// error instead of stopping at the first.
type decoder struct {
	file  string
	errs  Errors
	keyOf map[*yaml.Node]*yaml.Node
}

// at is the node to report a problem with value n at: its key, if any.
func (d *decoder) at(n *yaml.Node) *yaml.Node {
	if k, ok := d.keyOf[n]; ok {
		return k
	}
	return n
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

type field struct {
	key      string
	required bool
	decode   func(n *yaml.Node, path string)
}

// mapping decodes a mapping: known keys once each, unknown and duplicate
// keys refused, missing required keys reported at the mapping.
func (d *decoder) mapping(n *yaml.Node, path string, fields []field) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		d.errorf(d.at(n), path, "want a mapping of keys, got %s", describe(n))
		return seen
	}
	byKey := map[string]field{}
	var known []string
	for _, f := range fields {
		byKey[f.key] = f
		known = append(known, f.key)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := k.Value
		if path != "" {
			p = path + "." + k.Value
		}
		f, ok := byKey[k.Value]
		if k.Kind != yaml.ScalarNode || !ok {
			d.errorf(k, p, "unknown key (known: %s)", strings.Join(known, ", "))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.errorf(k, p, "duplicate key (first on line %d)", d.at(prev).Line)
			continue
		}
		seen[k.Value] = v
		d.keyOf[v] = k
		f.decode(v, p)
	}
	for _, f := range fields {
		if _, ok := seen[f.key]; f.required && !ok {
			p := f.key
			if path != "" {
				p = path + "." + f.key
			}
			d.errorf(d.at(n), p, "required")
		}
	}
	return seen
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an empty document"
}

func (d *decoder) scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(d.at(n), path, "want a value, got %s", describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.scalar(n, path); ok {
			*dst = v
		}
	}
}

func (d *decoder) path(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.scalar(n, path); ok {
			if v == "" {
				d.errorf(d.at(n), path, "empty path")
				return
			}
			*dst = v
		}
	}
}

func (d *decoder) hostPort(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		if err := checkHostPort(v); err != nil {
			d.errorf(d.at(n), path, "%q: %v", v, err)
			return
		}
		*dst = v
	}
}

func checkHostPort(v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil || host == "" {
		return errors.New("want HOST:PORT")
	}
	if p, err := strconv.Atoi(port); err != nil || p < 1 || p > 65535 {
		return errors.New("port must be 1 to 65535")
	}
	return nil
}

func (d *decoder) hostPorts(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
			d.errorf(d.at(n), path, "want a list of HOST:PORT, got %s", describe(n))
			return
		}
		for i, e := range n.Content {
			var v string
			d.hostPort(&v)(e, fmt.Sprintf("%s[%d]", path, i))
			if v != "" {
				*dst = append(*dst, v)
			}
		}
	}
}

func (d *decoder) duration(dst *time.Duration) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		dur, err := time.ParseDuration(v)
		if err != nil || dur < 10*time.Millisecond || dur > time.Minute {
			d.errorf(d.at(n), path, "%q: want a duration from 10ms to 1m", v)
			return
		}
		*dst = dur
	}
}
