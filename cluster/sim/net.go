package sim

import "time"

// link is one direction between two hosts.
type link struct {
	cut      bool
	loss     float64
	delayMin time.Duration
	delayMax time.Duration
}

type network struct {
	n     int
	links []link // from*n + to
}

func newNetwork(n int) network { return network{n: n, links: make([]link, n*n)} }

func (nw *network) link(from, to int) *link { return &nw.links[from*nw.n+to] }

func (nw *network) heal() {
	for i := range nw.links {
		nw.links[i] = link{}
	}
}

// usable reports whether a link carries traffic well enough for raft
// (retries make a little loss harmless).
func (l *link) usable() bool { return !l.cut && l.loss < 0.5 && l.delayMax < time.Second }

const baseDelayMin, baseDelayMax = 200 * time.Microsecond, 2 * time.Millisecond

// send delivers fn at the receiver after the link's delay, unless the link
// drops it; a receiver that is down (or rebooted since) never gets it, a
// stalled one gets it when it resumes.
func (s *Sim) send(from, to *host, fn func()) {
	if from == to {
		s.after(0, fn)
		return
	}
	l := s.net.link(from.idx, to.idx)
	if l.cut || l.loss > 0 && s.rng.Float64() < l.loss {
		return
	}
	d := rnd(s.rng, baseDelayMin, baseDelayMax) + rnd(s.rng, l.delayMin, l.delayMax)
	boot := to.boots
	var deliver func()
	deliver = func() {
		if to.boots != boot || !to.up {
			return
		}
		if s.now.Before(to.stallUntil) {
			s.at(to.stallUntil, deliver)
			return
		}
		fn()
	}
	s.after(d, deliver)
}

// connected reports whether a and b reach each other both ways.
func (s *Sim) connected(a, b *host) bool {
	return a == b || s.net.link(a.idx, b.idx).usable() && s.net.link(b.idx, a.idx).usable()
}
