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
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/internal/yamlconf"
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
type Error = yamlconf.Error

// Errors is every problem found in one file, in file order.
type Errors = yamlconf.Errors

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
	d := &decoder{yamlconf.Decoder{File: file}}
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
	seen := d.Mapping(root, "", []yamlconf.Field{
		yamlconf.Required("version", d.str(&version)),
		yamlconf.Required("state_dir", d.path(&c.StateDir)),
		yamlconf.Required("clusters", func(n *yaml.Node, p string) { c.Clusters = d.clusters(n, p) }),
	})
	if n := seen["version"]; n != nil && version != "1" {
		d.Errorf(n, "version", "%q: this build reads version 1", version)
	}
	if n := seen["state_dir"]; n != nil && c.StateDir != "" && !filepath.IsAbs(c.StateDir) {
		d.Errorf(n, "state_dir", "%q: want an absolute path", c.StateDir)
	}
	if len(d.Errs) > 0 {
		return nil, d.Errs
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
		d.Errorf(d.At(n), path, "want a list of clusters, got %s", yamlconf.Describe(n))
		return nil
	}
	if len(n.Content) > MaxClusters {
		d.Errorf(d.At(n), path, "%d clusters, at most %d", len(n.Content), MaxClusters)
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
			d.Errorf(cn, p+".name", "%q already on line %d", c.Name, line)
		}
		names[c.Name] = cn.Line
		listen := cmp(c.Listen, c.RaftAddress)
		if line, dup := addrs[listen]; dup {
			d.Errorf(cn, p+".raft_address", "%s is already listened on by the cluster on line %d", listen, line)
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
	before := len(d.Errs)
	c := Cluster{ID: DefaultID}
	seen := d.Mapping(n, path, []yamlconf.Field{
		yamlconf.Required("name", d.str(&c.Name)),
		yamlconf.Optional("id", d.str(&c.ID)),
		yamlconf.Required("raft_address", d.hostPort(&c.RaftAddress)),
		yamlconf.Optional("listen", d.hostPort(&c.Listen)),
		yamlconf.Optional("bootstrap", func(n *yaml.Node, p string) { c.Bootstrap = d.servers(n, p) }),
		yamlconf.Optional("join", d.hostPorts(&c.Join)),
		yamlconf.Required("tls", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Required("ca_file", d.path(&c.TLS.CAFile)),
				yamlconf.Required("cert_file", d.path(&c.TLS.CertFile)),
				yamlconf.Required("key_file", d.path(&c.TLS.KeyFile)),
			})
		}),
		yamlconf.Optional("raft_timing", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("heartbeat", d.duration(&c.Timing.Heartbeat)),
				yamlconf.Optional("election", d.duration(&c.Timing.Election)),
				yamlconf.Optional("leader_lease", d.duration(&c.Timing.LeaderLease)),
				yamlconf.Optional("commit", d.duration(&c.Timing.Commit)),
			})
		}),
	})
	if k := seen["name"]; k != nil && !nameRe.MatchString(c.Name) {
		d.Errorf(d.At(k), path+".name", "%q: want lower-case letters, digits and '-', at most 63", c.Name)
	}
	if k := seen["id"]; k != nil && !nameRe.MatchString(c.ID) {
		d.Errorf(d.At(k), path+".id", "%q: want a host name: lower-case letters, digits and '-', at most 63", c.ID)
	}
	b, j := seen["bootstrap"], seen["join"]
	switch {
	case b == nil && j == nil:
		d.Errorf(d.At(n), path, "one of bootstrap or join is required")
	case b != nil && j != nil:
		d.Errorf(d.At(j), path+".join", "give bootstrap or join, not both")
	case b != nil && len(c.Bootstrap) > 0:
		self := false
		for i, s := range c.Bootstrap {
			if s.ID == c.ID {
				self = true
				if s.Address != c.RaftAddress {
					d.Errorf(b.Content[i], fmt.Sprintf("%s.bootstrap[%d].address", path, i), "%s, but raft_address is %s", s.Address, c.RaftAddress)
				}
			}
		}
		if !self {
			d.Errorf(d.At(b), path+".bootstrap", "does not list the witness itself (id %q)", c.ID)
		}
		if len(c.Bootstrap) != 3 {
			d.Errorf(d.At(b), path+".bootstrap", "%d voters: a witness is the third voter of a two-host cluster", len(c.Bootstrap))
		}
	}
	return c, len(d.Errs) == before
}

func (d *decoder) servers(n *yaml.Node, path string) []replica.Server {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.Errorf(d.At(n), path, "want a list of {id, address}, got %s", yamlconf.Describe(n))
		return nil
	}
	var out []replica.Server
	ids := map[string]bool{}
	for i, sn := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		s := replica.Server{Voter: true}
		seen := d.Mapping(sn, p, []yamlconf.Field{
			yamlconf.Required("id", d.str(&s.ID)),
			yamlconf.Required("address", d.hostPort(&s.Address)),
		})
		if k := seen["id"]; k != nil {
			if !nameRe.MatchString(s.ID) {
				d.Errorf(d.At(k), p+".id", "%q: want a host name", s.ID)
			} else if ids[s.ID] {
				d.Errorf(d.At(k), p+".id", "%q listed twice", s.ID)
			}
			ids[s.ID] = true
		}
		out = append(out, s)
	}
	return out
}

// decoder is the shared walker (internal/yamlconf) plus the value helpers
// of the witness's file.
type decoder struct {
	yamlconf.Decoder
}

// str decodes a string and, unlike the agent's, accepts an empty one: the
// name and ID checks refuse it in their own words.
func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.Scalar(n, path); ok {
			*dst = v
		}
	}
}

func (d *decoder) path(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.Scalar(n, path); ok {
			if v == "" {
				d.Errorf(d.At(n), path, "empty path")
				return
			}
			*dst = v
		}
	}
}

func (d *decoder) hostPort(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		if err := checkHostPort(v); err != nil {
			d.Errorf(d.At(n), path, "%q: %v", v, err)
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
			d.Errorf(d.At(n), path, "want a list of HOST:PORT, got %s", yamlconf.Describe(n))
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
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		dur, err := time.ParseDuration(v)
		if err != nil || dur < 10*time.Millisecond || dur > time.Minute {
			d.Errorf(d.At(n), path, "%q: want a duration from 10ms to 1m", v)
			return
		}
		*dst = dur
	}
}
