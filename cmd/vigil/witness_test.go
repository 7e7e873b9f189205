package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/pkitest"
)

// TestWitnessBadConfig: the witness does not start on a bad config and
// names every problem with file, line and key.
func TestWitnessBadConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "witness.yaml")
	os.WriteFile(cfg, []byte("version: 1\nstate_dir: /var/lib/w\nclusters:\n  - name: a\n    raft_address: 10.0.9.1\n    join: [10.0.0.1:7947]\n    tls: {ca_file: /c, cert_file: /p, key_file: /k}\n    gossip_port: 7946\n"), 0o644)
	code, _, errOut := runCLI(t, nil, "witness", "--config", cfg)
	want := cfg + `:5: clusters[0].raft_address: "10.0.9.1": want HOST:PORT` + "\n" +
		cfg + ":8: clusters[0].gossip_port: unknown key (known: name, id, raft_address, listen, bootstrap, join, tls, raft_timing)\n"
	if code != 1 || errOut != want {
		t.Errorf("witness with a bad config: exit %d, stderr %q, want 1 and %q", code, errOut, want)
	}
}

// TestWitnessRunsUntilStopped: with a good config the witness listens on
// its cluster's raft address until the context ends, then exits 0.
func TestWitnessRunsUntilStopped(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	files := pkitest.NewCA(t, "edge CA").Issue(t, "witness")
	cfg := filepath.Join(dir, "witness.yaml")
	os.WriteFile(cfg, []byte("version: 1\nstate_dir: "+filepath.Join(dir, "state")+"\nclusters:\n  - name: edge\n    raft_address: "+addr+
		"\n    join: [127.0.0.1:1]\n    tls: {ca_file: "+files.CAFile+", cert_file: "+files.CertFile+", key_file: "+files.KeyFile+"}\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}, []string{"witness", "--config", cfg})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the witness never listened on %s; stderr:\n%s", addr, errOut.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("witness exit %d, want 0; stderr:\n%s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "witness stopped") {
		t.Fatalf("stderr lacks the stop line:\n%s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "state", "edge", "raft.db")); err != nil {
		t.Fatalf("the cluster's state directory: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for the witness's log goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
