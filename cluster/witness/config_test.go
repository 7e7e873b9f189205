package witness

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
)

const goodConfig = `version: 1
state_dir: /var/lib/vigil-witness
clusters:
  - name: edge-7
    raft_address: 10.0.9.1:7947
    bootstrap:
      - {id: h1, address: 10.0.0.11:7947}
      - {id: h2, address: 10.0.0.12:7947}
      - {id: witness, address: 10.0.9.1:7947}
    tls: {ca_file: /etc/vigil/edge-7/ca.pem, cert_file: /etc/vigil/edge-7/w.pem, key_file: /etc/vigil/edge-7/w.key}
  - name: edge-8
    id: wit-2
    raft_address: 10.0.9.1:7948
    listen: 0.0.0.0:7948
    join: [10.0.1.11:7947, 10.0.1.12:7947]
    tls:
      ca_file: /etc/vigil/edge-8/ca.pem
      cert_file: /etc/vigil/edge-8/w.pem
      key_file: /etc/vigil/edge-8/w.key
    raft_timing: {heartbeat: 300ms, election: 300ms}
`

func TestParseGood(t *testing.T) {
	c, err := Parse("witness.yaml", []byte(goodConfig))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		File:     "witness.yaml",
		StateDir: "/var/lib/vigil-witness",
		Clusters: []Cluster{
			{
				Name: "edge-7", ID: "witness", RaftAddress: "10.0.9.1:7947",
				Bootstrap: []replica.Server{
					{ID: "h1", Address: "10.0.0.11:7947", Voter: true},
					{ID: "h2", Address: "10.0.0.12:7947", Voter: true},
					{ID: "witness", Address: "10.0.9.1:7947", Voter: true},
				},
				TLS: replica.TLSFiles{CAFile: "/etc/vigil/edge-7/ca.pem", CertFile: "/etc/vigil/edge-7/w.pem", KeyFile: "/etc/vigil/edge-7/w.key"},
			},
			{
				Name: "edge-8", ID: "wit-2", RaftAddress: "10.0.9.1:7948", Listen: "0.0.0.0:7948",
				Join:   []string{"10.0.1.11:7947", "10.0.1.12:7947"},
				TLS:    replica.TLSFiles{CAFile: "/etc/vigil/edge-8/ca.pem", CertFile: "/etc/vigil/edge-8/w.pem", KeyFile: "/etc/vigil/edge-8/w.key"},
				Timing: replica.Timing{Heartbeat: 300 * time.Millisecond, Election: 300 * time.Millisecond},
			},
		},
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Parse(good) =\n%+v\nwant\n%+v", c, want)
	}
	if got := c.Clusters[1].Dir(c.StateDir); got != "/var/lib/vigil-witness/edge-8" {
		t.Fatalf("Dir = %s", got)
	}
}

// Every error names file, line and key; all of a file's errors come at
// once.
func TestParseBad(t *testing.T) {
	tls := "    tls: {ca_file: /c, cert_file: /p, key_file: /k}\n"
	head := "version: 1\nstate_dir: /s\nclusters:\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"empty", "", []string{"w.yaml: empty file"}},
		{"not yaml", "version: [1\n", []string{"w.yaml:1: "}},
		{"version", "version: 2\nstate_dir: /s\nclusters:\n  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls,
			[]string{`w.yaml:1: version: "2": this build reads version 1`}},
		{"missing keys", "version: 1\n", []string{"w.yaml:1: state_dir: required", "w.yaml:1: clusters: required"}},
		{"empty state dir", "version: 1\nstate_dir: \"\"\nclusters:\n  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls,
			[]string{"w.yaml:2: state_dir: empty path"}},
		{"relative state dir", "version: 1\nstate_dir: var/lib\nclusters:\n  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls,
			[]string{`w.yaml:2: state_dir: "var/lib": want an absolute path`}},
		{"unknown top key", "version: 1\nstate_dir: /s\nclusters: []\nextra: 1\n",
			[]string{"w.yaml:3: clusters: want a list of clusters, got a list", "w.yaml:4: extra: unknown key (known: version, state_dir, clusters)"}},
		{"unknown cluster key", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n    raft_port: 7947\n" + tls,
			[]string{"w.yaml:7: clusters[0].raft_port: unknown key"}},
		{"bad name and address", head + "  - name: Edge_7\n    raft_address: 1.2.3.4\n    join: [1.2.3.5:99999]\n" + tls,
			[]string{`w.yaml:4: clusters[0].name: "Edge_7": want lower-case`, `w.yaml:5: clusters[0].raft_address: "1.2.3.4": want HOST:PORT`, `w.yaml:6: clusters[0].join[0]: "1.2.3.5:99999": port must be 1 to 65535`}},
		{"neither bootstrap nor join", head + "  - name: a\n    raft_address: 1.2.3.4:1\n" + tls,
			[]string{"w.yaml:4: clusters[0]: one of bootstrap or join is required"}},
		{"both bootstrap and join", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n    bootstrap: [{id: h1, address: 1.1.1.1:1}, {id: h2, address: 1.1.1.2:1}, {id: witness, address: 1.2.3.4:1}]\n" + tls,
			[]string{"w.yaml:6: clusters[0].join: give bootstrap or join, not both"}},
		{"bootstrap without the witness", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    bootstrap:\n      - {id: h1, address: 1.1.1.1:1}\n      - {id: h2, address: 1.1.1.2:1}\n      - {id: h3, address: 1.1.1.3:1}\n" + tls,
			[]string{`w.yaml:6: clusters[0].bootstrap: does not list the witness itself (id "witness")`}},
		{"bootstrap with the wrong own address, a duplicate and two voters", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    bootstrap:\n      - {id: witness, address: 1.2.3.4:2}\n      - {id: witness, address: 1.1.1.2:1}\n" + tls,
			[]string{`w.yaml:8: clusters[0].bootstrap[1].id: "witness" listed twice`, "w.yaml:7: clusters[0].bootstrap[0].address: 1.2.3.4:2, but raft_address is 1.2.3.4:1", "w.yaml:8: clusters[0].bootstrap[1].address: 1.1.1.2:1, but", "w.yaml:6: clusters[0].bootstrap: 2 voters"}},
		{"tls incomplete", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n    tls: {ca_file: /c, cert_file: ''}\n",
			[]string{"w.yaml:7: clusters[0].tls.cert_file: empty path", "w.yaml:7: clusters[0].tls.key_file: required"}},
		{"bad timing", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n    raft_timing: {heartbeat: 1ms, quorum: 1s}\n" + tls,
			[]string{`w.yaml:7: clusters[0].raft_timing.heartbeat: "1ms": want a duration from 10ms to 1m`, "w.yaml:7: clusters[0].raft_timing.quorum: unknown key"}},
		{"duplicate cluster and port", head + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls + "  - name: a\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls,
			[]string{`w.yaml:8: clusters[1].name: "a" already on line 4`, "w.yaml:8: clusters[1].raft_address: 1.2.3.4:1 is already listened on by the cluster on line 4"}},
		{"duplicate key", head + "  - name: a\n    name: b\n    raft_address: 1.2.3.4:1\n    join: [1.2.3.5:1]\n" + tls,
			[]string{"w.yaml:5: clusters[0].name: duplicate key (first on line 4)"}},
		{"two documents", goodConfig + "---\nversion: 1\n", []string{"w.yaml:21: more than one YAML document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("w.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse = %+v, want errors %q", c, tt.want)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T, want Errors", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("errors\n%v\nlack %q", err, w)
				}
			}
			if len(es) != len(tt.want) {
				t.Errorf("%d errors, want %d:\n%v", len(es), len(tt.want), err)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.yaml")
	_, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+": ") {
		t.Fatalf("Load(missing) = %v, want an error naming %s", err, path)
	}
}

// A cluster whose TLS files are unusable fails Open with the file named,
// and the witness starts in none of its clusters.
func TestOpenRefusesBadTLS(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "w.key")
	if err := os.WriteFile(key, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &Config{StateDir: dir, Clusters: []Cluster{{
		Name: "a", ID: "witness", RaftAddress: freeAddr(t), Join: []string{"127.0.0.1:1"},
		TLS: replica.TLSFiles{CAFile: filepath.Join(dir, "ca.pem"), CertFile: filepath.Join(dir, "w.pem"), KeyFile: key},
	}}}
	_, err := Open(ctxT(t, 5*time.Second), cfg, testLogger(t))
	if err == nil || !strings.Contains(err.Error(), "cluster a: tls:") || !strings.Contains(err.Error(), "ca.pem") {
		t.Fatalf("Open with missing TLS files = %v, want an error naming cluster a and ca.pem", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(goodConfig))
	f.Add([]byte("version: 1\nstate_dir: /s\nclusters:\n  - {name: a, raft_address: '1:2', join: ['3:4'], tls: {ca_file: a, cert_file: b, key_file: c}}\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(c.Clusters) == 0 {
			t.Fatal("a config without clusters parsed")
		}
		for _, cl := range c.Clusters {
			if cl.Name == "" || cl.RaftAddress == "" || (len(cl.Join) == 0) == (len(cl.Bootstrap) == 0) {
				t.Fatalf("an incomplete cluster parsed: %+v", cl)
			}
		}
	})
}
