package qmp_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// benchPair starts a lab with two hosts and a guest of memMiB dirtying
// dirty MiB/s on the first, waits until it has filled its RAM, and starts
// an incoming destination on the second.
func benchPair(b *testing.B, l *lab.Lab, name string, memMiB, dirty int) *pair {
	b.Helper()
	spec := guestSpec(b, name, memMiB, dirty)
	p := &pair{lab: l, srcHost: l.Hosts[0], dstHost: l.Hosts[1], spec: spec}
	p.src = startOn(b, p.srcHost, spec, shortDir(b), false)
	r := guest.NewFileReader(p.src.Paths.SerialLog)
	defer r.Close()
	c, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := r.Wait(c, "filled RAM", func(hb guest.Heartbeat) bool { return hb.ID == name && !hb.Filling }); err != nil {
		b.Fatalf("guest %s: %v", name, err)
	}
	p.dst = startOn(b, p.dstHost, spec, shortDir(b), true)
	portSeq++
	p.uri = fmt.Sprintf("tcp:%s:%d", p.dstHost.MigIP, 4400+portSeq)
	return p
}

// linkBandwidth measures TCP throughput from host a to host b on the
// migration network (bytes/s), the way a migration stream uses it.
func linkBandwidth(b *testing.B, src, dst *lab.Host) float64 {
	b.Helper()
	var ln net.Listener
	if err := dst.Do(func() (err error) {
		ln, err = net.Listen("tcp", net.JoinHostPort(dst.MigIP.String(), "4399"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	got := make(chan int64, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			got <- 0
			return
		}
		n, _ := io.Copy(io.Discard, c)
		c.Close()
		got <- n
	}()
	const total = 1 << 30
	var elapsed time.Duration
	if err := src.Do(func() error {
		c, err := net.Dial("tcp", net.JoinHostPort(dst.MigIP.String(), "4399"))
		if err != nil {
			return err
		}
		buf := make([]byte, 1<<20)
		start := time.Now()
		for sent := 0; sent < total; sent += len(buf) {
			if _, err := c.Write(buf); err != nil {
				return err
			}
		}
		c.Close()
		elapsed = time.Since(start)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	<-got
	return total / elapsed.Seconds()
}

// plainMigrate migrates the way QEMU does by default: migrate-incoming on
// the destination, one `migrate` on the source, nothing else set (128 MiB/s
// bandwidth cap, 300 ms downtime limit). It gives up after limit.
func plainMigrate(b *testing.B, p *pair, limit time.Duration) (qmp.MigrationInfo, error) {
	c, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	if err := p.dst.Monitor().Run(c, "migrate-incoming", map[string]any{"uri": p.uri}, nil); err != nil {
		return qmp.MigrationInfo{}, err
	}
	if err := p.src.Monitor().Run(c, "migrate", map[string]any{"uri": p.uri}, nil); err != nil {
		return qmp.MigrationInfo{}, err
	}
	for {
		var info qmp.MigrationInfo
		if err := p.src.Monitor().Run(context.Background(), "query-migrate", nil, &info); err != nil {
			return info, err
		}
		switch info.Status {
		case "completed":
			if info.TotalTime == 0 {
				break // times appear a moment later
			}
			return info, nil
		case "failed", "cancelled":
			return info, fmt.Errorf("plain migration %s: %s", info.Status, info.ErrorDesc)
		}
		select {
		case <-c.Done():
			p.src.Monitor().Run(context.Background(), "migrate_cancel", nil, nil)
			return info, fmt.Errorf("plain migration did not converge within %v (status %s, %d MiB sent)", limit, info.Status, info.RAM.Transferred>>20)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func report(b *testing.B, label string, total, downtime int64, transferred uint64, ram int, link float64) {
	mbps := float64(transferred) * 8 / 1e6 / (float64(total) / 1000)
	ideal := float64(ram) * (1 << 20) / link * 1000 // ms to send RAM once at link speed
	b.ReportMetric(float64(total), "total-ms")
	b.ReportMetric(float64(downtime), "downtime-ms")
	b.ReportMetric(mbps, "Mbit/s")
	b.ReportMetric(float64(total)/ideal, "x-ideal")
	b.Logf("%s: total %d ms, downtime %d ms, %d MiB at %.0f Mbit/s; RAM/link = %.0f ms, total = %.2fx that",
		label, total, downtime, transferred>>20, mbps, ideal, float64(total)/ideal)
}

// BenchmarkMigrate compares vigil's migration with a plain QEMU-defaults
// migration side by side, between two lab hosts over the migration
// network, for a 1 GiB idle guest and a 1 GiB guest dirtying memory.
func BenchmarkMigrate(b *testing.B) {
	needQEMU(b)
	l := lab.New(b, lab.Options{Hosts: 2, BMC: lab.NoBMC, Name: "qmpb"})
	link := linkBandwidth(b, l.Hosts[0], l.Hosts[1])
	b.Logf("migration link: %.0f MiB/s (%.1f Gbit/s) TCP", link/(1<<20), link*8/1e9)
	const mem = 1024
	cases := []struct {
		name  string
		dirty int
	}{{"idle-1GiB", 0}, {"busy-1GiB-dirty-50MiBps", 50}}
	for _, tc := range cases {
		b.Run(tc.name+"/vigil", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p := benchPair(b, l, fmt.Sprintf("bv%d", i), mem, tc.dirty)
				res, err := qmp.MigrateVM(context.Background(), p.src, p.dst, qmp.MigrateOptions{
					URI: p.uri, AutoConverge: true, DowntimeLimit: 20 * time.Millisecond, MaxDowntime: 300 * time.Millisecond,
				})
				if err != nil {
					b.Fatalf("vigil migrate: %v (%+v)", err, res)
				}
				report(b, tc.name+"/vigil", res.TotalMs, res.DowntimeMs, res.TransferredBytes, mem, link)
				if len(res.Steps) > 0 {
					b.Logf("escalations: %v", res.Steps)
				}
				p.dst.Kill(context.Background())
			}
		})
		b.Run(tc.name+"/plain", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p := benchPair(b, l, fmt.Sprintf("bp%d", i), mem, tc.dirty)
				info, err := plainMigrate(b, p, 2*time.Minute)
				if err != nil {
					b.Logf("plain: %v", err)
					b.ReportMetric(0, "total-ms")
					p.src.Kill(context.Background())
					p.dst.Kill(context.Background())
					continue
				}
				report(b, tc.name+"/plain", info.TotalTime, info.Downtime, info.RAM.Transferred, mem, link)
				p.src.Kill(context.Background())
				p.dst.Kill(context.Background())
			}
		})
	}
}
