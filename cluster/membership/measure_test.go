package membership_test

// Measurements of detection time and false suspicions, on real memberlist
// members in this process on loopback (membershiptest). They report, they do
// not assert timings: run them one at a time on a quiet machine,
//
//	go test -run '^$' -bench 'Detect' -benchtime 1x -timeout 30m ./cluster/membership/
//	go test -run '^$' -bench 'FalseSuspicion' -benchtime 1x -timeout 30m ./cluster/membership/
//
// and read the per-benchmark metrics (ms-median-all: median over trials of
// the time until every other member declared the victim dead; suspicions,
// deaths, dead-members: totals over the scenario, where nobody really
// failed). The package doc quotes the figures.

import (
	"fmt"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/membership/membershiptest"
)

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkDetect measures how long a member that dies (its network cut at
// once, like a power loss) takes to be declared dead by every other member,
// and counts the false suspicions and deaths of the others meanwhile.
//
// Metrics: ms-median-all and ms-max-all, the median and the longest time
// over trials until every other member declared the victim dead;
// ms-median-first, until the first did; ms-median-each, over every
// observer; missed, observers that never did within 30 s; suspicions,
// false-deaths and falsely-dead-members, about members that were not cut,
// while measuring; cpu-cores, this process's CPU use while measuring (of
// GOMAXPROCS cores), cpu-wait, the time its threads were ready but waited
// for a core (per second: 0.5 is half a core's worth of waiting) and
// host-busy-%, the whole machine's CPU use; join-s, the time to form the
// cluster.
func BenchmarkDetect(b *testing.B) {
	cases := []struct {
		members, trials int
		profiles        []membership.Profile
	}{
		{3, 9, []membership.Profile{membership.Fast, membership.Confirmed, membership.Stock}},
		{20, 5, []membership.Profile{membership.Fast, membership.Confirmed}},
		{50, 5, []membership.Profile{membership.Fast, membership.Confirmed}},
		{200, 5, []membership.Profile{membership.Fast, membership.Confirmed}},
	}
	for _, tc := range cases {
		for _, p := range tc.profiles {
			b.Run(fmt.Sprintf("members=%d/profile=%s", tc.members, p.Name), func(b *testing.B) {
				for b.Loop() {
					measureDetection(b, tc.members, tc.trials, p)
				}
			})
		}
	}
}

func measureDetection(b *testing.B, members, trials int, p membership.Profile) {
	timeout := 30 * time.Second
	var all, first, each []time.Duration
	missed := 0
	var falsely membershiptest.Tally
	dead := map[string]bool{}
	tally := func(c *membershiptest.Cluster, since time.Time, victims []string) {
		t := c.Tally(since, victims...)
		b.Logf("while measuring (victims left out): %+v", t)
		falsely.Suspicions += t.Suspicions
		falsely.Deaths += t.Deaths
		falsely.Refutations += t.Refutations
		for _, n := range c.Nodes {
			if slices.Contains(victims, n.Name) {
				continue
			}
			for _, e := range n.Events.Since(since) {
				if e.Kind == membership.Died && !slices.Contains(victims, e.Member.Name) {
					dead[e.Member.Name] = true
				}
			}
		}
	}
	record := func(d membershiptest.Detection) {
		missed += d.Missed
		if d.Missed == 0 && len(d.Each) > 0 {
			all = append(all, d.All())
			first = append(first, d.Each[0])
		}
		each = append(each, d.Each...)
		b.Logf("victim %s: %d observers, first %v, all %v, missed %d (%d already held it dead)", d.Victim, len(d.Each)+d.Missed, firstOf(d.Each), d.All(), d.Missed, d.NotAlive)
	}
	var cpu membershiptest.CPUUsage
	if members <= 5 {
		// A fresh small cluster per trial; CPU over all of them.
		meter := membershiptest.StartCPU()
		for i := range trials {
			c := membershiptest.Start(b, membershiptest.Options{N: members, Profile: p, Seed: uint64(i)})
			t0 := time.Now()
			d := c.Detect(members-1, timeout)
			record(d)
			time.Sleep(time.Second) // late false deaths
			tally(c, t0, []string{d.Victim})
			c.Close()
		}
		cpu = meter.Stop()
	} else {
		// One cluster; kill members one after the other.
		//
		// memberlist's NetTransport allocates a 64 KiB buffer for every
		// UDP packet it receives: N members in one process make N times
		// one agent's garbage, and at 100 members and more the
		// collector took a third of the CPU and tipped the cluster into
		// storms of false deaths. Collect less often: the machine has
		// the memory, and one agent does not pay this N-fold.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		start := time.Now()
		joinCPU := membershiptest.StartCPU()
		o := membershiptest.Options{
			N: members, Profile: p, Logf: b.Logf,
			JoinTimeout: 5 * time.Minute,
			// The full member list every 5 s rather than every second:
			// with N members in one process, the lists cost N times
			// what one agent spends on its own.
			Configure: func(_ int, c *membership.Config) { c.ReconcileEvery = 5 * time.Second },
		}
		if members > 50 {
			// Beyond 100 members, batches of 10 joined back to back
			// tipped the process past its share of the CPU and into
			// storms of false deaths: smaller batches, each one's
			// gossip drained before the next; and a member or two
			// missing from a view does not change a detection.
			o.JoinBatch, o.JoinPause, o.Settled = 5, 2*time.Second, 0.98
		}
		c, err := membershiptest.TryStart(b, o)
		joined, forming := time.Since(start), joinCPU.Stop()
		b.Logf("forming: this process %.2f cores, waited for a core %.2f, machine %.0f %% busy, over %v", forming.Cores, forming.Waiting, 100*forming.HostBusy, forming.Wall.Round(time.Millisecond))
		b.ReportMetric(forming.Cores, "join-cpu-cores")
		b.ReportMetric(forming.Waiting, "join-cpu-wait")
		if c == nil {
			b.Fatal(err)
		}
		if err != nil {
			// Report how far it got rather than nothing: the metrics
			// above say whether the CPU was the limit.
			b.Logf("NOT FORMED after %v: %v; while forming: %+v", joined.Round(time.Millisecond), err, c.Tally(start))
			b.ReportMetric(float64(len(c.Nodes)), "members-started")
			return
		}
		b.ReportMetric(joined.Seconds(), "join-s")
		b.Logf("formed in %v; while forming: %+v", joined.Round(time.Millisecond), c.Tally(start))
		meter := membershiptest.StartCPU()
		t0 := time.Now()
		var victims []string
		for i := range trials {
			time.Sleep(3 * time.Second) // let the last death settle
			d := c.Detect(members-1-i, timeout)
			victims = append(victims, d.Victim)
			record(d)
		}
		time.Sleep(time.Second) // late false deaths
		cpu = meter.Stop()
		tally(c, t0, victims)
		c.Close()
	}
	b.Logf("CPU: this process %.2f cores, waited for a core %.2f, machine %.0f %% busy, over %v", cpu.Cores, cpu.Waiting, 100*cpu.HostBusy, cpu.Wall.Round(time.Millisecond))
	b.ReportMetric(ms(membershiptest.Median(all)), "ms-median-all")
	b.ReportMetric(ms(maxOf(all)), "ms-max-all")
	b.ReportMetric(ms(membershiptest.Median(first)), "ms-median-first")
	b.ReportMetric(ms(membershiptest.Median(each)), "ms-median-each")
	b.ReportMetric(float64(missed), "missed")
	b.ReportMetric(float64(falsely.Suspicions), "suspicions")
	b.ReportMetric(float64(falsely.Deaths), "false-deaths")
	b.ReportMetric(float64(len(dead)), "falsely-dead-members")
	b.ReportMetric(cpu.Cores, "cpu-cores")
	b.ReportMetric(cpu.Waiting, "cpu-wait")
	b.ReportMetric(100*cpu.HostBusy, "host-busy-%")
}

func firstOf(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[0]
}

func maxOf(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

// BenchmarkFalseSuspicion measures suspicions and false deaths in clusters
// where nobody fails: under steady packet loss, and when one member at a
// time freezes (its traffic held, as a stopped or CPU-starved process) or
// blips (its traffic lost) for 300 ms.
func BenchmarkFalseSuspicion(b *testing.B) {
	profiles := []membership.Profile{membership.Fast, membership.Confirmed, membership.Stock}
	type scenario struct {
		name    string
		members int
		run     func(b *testing.B, c *membershiptest.Cluster)
	}
	loss := func(p float64) func(*testing.B, *membershiptest.Cluster) {
		return func(b *testing.B, c *membershiptest.Cluster) {
			c.SetLoss(p)
			time.Sleep(20 * time.Second)
			c.SetLoss(0)
		}
	}
	pauses := func(freeze bool) func(*testing.B, *membershiptest.Cluster) {
		return func(b *testing.B, c *membershiptest.Cluster) {
			for i := range 10 {
				tr := c.Nodes[i%len(c.Nodes)].Transport
				if freeze {
					tr.Freeze()
				} else {
					tr.Cut()
				}
				time.Sleep(300 * time.Millisecond)
				if freeze {
					tr.Thaw()
				} else {
					tr.Restore()
				}
				time.Sleep(2 * time.Second)
			}
		}
	}
	scenarios := []scenario{
		{"loss=5%", 3, loss(0.05)},
		{"loss=30%", 3, loss(0.30)},
		{"loss=5%", 20, loss(0.05)},
		{"loss=30%", 20, loss(0.30)},
		{"freeze=300ms", 3, pauses(true)},
		{"blip=300ms", 3, pauses(false)},
		{"freeze=300ms", 20, pauses(true)},
	}
	for _, sc := range scenarios {
		for _, p := range profiles {
			b.Run(fmt.Sprintf("%s/members=%d/profile=%s", sc.name, sc.members, p.Name), func(b *testing.B) {
				for b.Loop() {
					c := membershiptest.Start(b, membershiptest.Options{N: sc.members, Profile: p, Seed: 7})
					t0 := time.Now()
					sc.run(b, c)
					time.Sleep(3 * time.Second) // let late deaths land
					t := c.Tally(t0)
					b.Logf("%+v", t)
					b.ReportMetric(float64(t.Suspicions), "suspicions")
					b.ReportMetric(float64(t.Deaths), "deaths")
					b.ReportMetric(float64(t.DeadMembers), "dead-members")
					b.ReportMetric(float64(t.Refutations), "refutations")
					c.Close()
				}
			})
		}
	}
}
