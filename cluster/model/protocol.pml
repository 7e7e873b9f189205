/*
 * vigil's lease, fence and ownership protocol, for the Spin model checker.
 *
 * One VM, N hosts (2 by default), one raft leader, and an environment that
 * cuts power, cuts hosts off, makes BMCs unreachable, delays replies and
 * start commands, and wedges QEMU. Time is discrete. Each tick the clock
 * counts every timer down and lets the environment act, then the leader
 * takes one step, then each host; every timer is a countdown, so the state
 * space is finite although time never stops. cluster/model/doc.go explains
 * the abstraction; model_test.go checks every variant.
 *
 * Properties (assertions, checked with -DSAFETY):
 *   P1 never twice: a VM starts only where no other copy runs, and no copy
 *      stopped by its own host in the same tick (which comes first within a
 *      tick is not known).
 *   P2 generations only rise: no start uses an older generation than one
 *      already started; every placement raises the generation above it.
 *   P3 no mass fencing: when the leader decides to fence a host, fewer
 *      than MAXF hosts were fenced within the window.
 *   P4 second opinion: the leader fences only a host whose lease has
 *      expired; memberlist's "dead" alone is not enough.
 * Liveness (ltl recovers, built with -DLIVENESS and searched for acceptance
 * cycles): once the network and the BMCs stay healthy and some powered host
 * may hold a lease, the VM ends up running for good.
 *
 * Bug variants, one -D macro each; each breaks the property named:
 *   BUG_SKIP_CONFIRM       a fence counts as done once the power-off command
 *                          is accepted, without reading the power back (P1)
 *   BUG_TRUST_DEAD         memberlist's "dead" suffices to fence (P4)
 *   BUG_LATE_FEED          a renewal answered after the round-trip bound
 *                          feeds the watchdog (P1)
 *   BUG_SKIP_GEN           a host starts the VM without checking the start
 *                          against the committed (owner, generation) (P2)
 *   BUG_NO_MASS_GUARD      the leader fences without the mass-fence guard (P3)
 *   BUG_TRUST_NO_WATCHDOG  a host with watchdog none is assumed to have
 *                          fenced itself once its lease expired (P1)
 *   BUG_NO_RESTART         a host whose lease view lapsed forgets its VM
 *                          instead of starting it again (liveness)
 */

#ifndef N
#define N 2		/* hosts: 2 or 3 */
#endif
#ifndef TTL
#define TTL 5		/* lease length in ticks */
#endif
#ifndef DRIFT
#define DRIFT 1		/* worst clock drift over a lease, in ticks */
#endif
#ifndef WD
#define WD 2		/* watchdog timeout */
#endif
#define RTT 1		/* round-trip bound: a reply in the tick after the request is in time */
#ifndef MARGIN
#define MARGIN 1	/* wait after lease expiry before assuming the watchdog fired */
#endif
#ifndef WIN
#define WIN 3		/* mass-fence window */
#endif
#ifndef MAXF
#define MAXF (N/2)	/* at most this many hosts fenced per window: half */
#endif
#ifndef LMAX
#define LMAX 5		/* longest reply latency under congestion */
#endif
#ifndef FAULTS
#define FAULTS 2	/* faults the environment may inject (repairs are free) */
#endif

#define NONE 255

/* Turns within a tick. */
#define CLOCK 0
#define LEADER 1
#define HOST 2

/* The leader's record of a host. */
#define OK 0
#define FENCING 1
#define FENCED 2

/* ---------- environment and configuration ---------- */
bit up[N];		/* powered and booted */
bit part[N];		/* cut off from the leader */
bit bmcdown[N];		/* BMC unreachable */
bit stuck[N];		/* the VM's QEMU cannot be stopped (D state) */
byte lat[N];		/* congestion: replies this late, 0 none; only the BUG_LATE_FEED
			 * build, where the value matters, lets it grow a tick per tick */
byte offp[N];		/* ticks until an accepted power-off takes effect */
bit armed[N];		/* configuration: an armed hardware watchdog */
bit slow[N];		/* configuration: clock and watchdog run DRIFT slow per lease */
byte budget = FAULTS;
#ifdef BUG_TRUST_DEAD
bit sus[N];		/* memberlist says "dead", right or wrong */
#endif

/* ---------- hosts ---------- */
bit running[N];		/* a QEMU of the VM runs here */
byte want[N];		/* generation of the start intent in the host's store, 0 none */
byte view[N];		/* ticks left of the host's own view of its lease */
byte wd[N];		/* ticks until the watchdog resets the host, 0 not running */
bit fresh[N];		/* rebooted (new boot id) since the leader decided to fence it */
byte st[N];		/* start command in flight: its generation, 0 none */
bit sth[N];		/* that start command is held up in the network */
#ifdef BUG_LATE_FEED
byte pipe[N];		/* late replies in flight: bit k arrives in k+1 ticks */
bit late[N];		/* a late reply arrived this tick */
#endif

/* ---------- leader and replicated state ---------- */
byte owner = NONE;	/* committed owner of the VM */
byte gen;		/* committed generation */
byte old = NONE;	/* revoked owner whose fence is not confirmed yet */
byte lease[N];		/* ticks left of each host's lease at the leader */
byte fst[N];		/* OK, FENCING, FENCED */
byte mg[N];		/* margin ticks left after the lease ran out, while fencing */
byte win[N];		/* ticks left of the mass-fence window since the host's fence */

/* ---------- scheduling and monitors ---------- */
byte turn = NONE;	/* whose step it is: CLOCK, LEADER, then HOST+h for each host */
byte copies;		/* running copies of the VM */
byte gone;		/* copies their host stopped in this tick: overlap a start in it */
byte maxstarted;	/* highest generation ever started */

hidden byte hx, hy;	/* loop and choice scratch, not part of the state */

#define ELIGIBLE(h) (fst[h] == OK && lease[h] > 0)
#if N == 2
#define RECENT ((win[0] > 0) + (win[1] > 0))
#elif N == 3
#define RECENT ((win[0] > 0) + (win[1] > 0) + (win[2] > 0))
#else
#error "N must be 2 or 3"
#endif

/* The leader's second opinion: a host is dead once its lease expired. */
#ifdef BUG_TRUST_DEAD
#define DEAD(h) (lease[h] == 0 || sus[h])
#else
#define DEAD(h) (lease[h] == 0)
#endif

#ifdef BUG_NO_MASS_GUARD
#define MASS_GUARD true
#else
#define MASS_GUARD (RECENT < MAXF)
#endif

/* Waiting out the lease stands for a fence only if the host's watchdog
 * resets it; with watchdog none the VM waits for the BMC. */
#ifdef BUG_TRUST_NO_WATCHDOG
#define SELF_FENCES(h) true
#else
#define SELF_FENCES(h) armed[h]
#endif

inline stopvm(h) {
	if
	:: running[h] -> running[h] = 0; copies--
	:: else
	fi;
	stuck[h] = 0
}

/* Replies in flight to an agent that is gone are lost. */
inline droplate(h) {
#ifdef BUG_LATE_FEED
	pipe[h] = 0; late[h] = 0
#else
	skip
#endif
}

/* Power gone: the host, its QEMU and its memory; its store survives. */
inline powerdown(h) {
	up[h] = 0; stopvm(h); view[h] = 0; wd[h] = 0; offp[h] = 0; droplate(h)
}

/* Watchdog reset: the host reboots at once, with a new boot id; its agent
 * arms the watchdog again with its next renewal in time. */
inline wdreset(h) {
	stopvm(h); view[h] = 0; fresh[h] = 1; droplate(h)
}

/* ---------- clock and environment ---------- */

inline tick() {
	gone = 0;
	for (hx : 0 .. N-1) {
		/* the margin counts from the tick after the lease ran out */
		if
		:: fst[hx] == FENCING && lease[hx] == 0 && mg[hx] > 0 -> mg[hx]--
		:: else
		fi;
		if :: lease[hx] > 0 -> lease[hx]-- :: else fi;
		if :: win[hx] > 0 -> win[hx]-- :: else fi;
		if :: view[hx] > 0 -> view[hx]-- :: else fi;
#ifdef BUG_LATE_FEED
		if :: lat[hx] > 0 && lat[hx] < LMAX -> lat[hx]++ :: else fi;
#endif
		if
		:: offp[hx] > 0 ->
			offp[hx]--;
			if :: offp[hx] == 0 -> powerdown(hx) :: else fi
		:: else
		fi;
		if
		:: wd[hx] > 0 ->
			wd[hx]--;
			if :: wd[hx] == 0 -> wdreset(hx) :: else fi
		:: else
		fi;
#ifdef BUG_LATE_FEED
		late[hx] = pipe[hx] & 1; pipe[hx] = pipe[hx] >> 1;
#endif
		skip
	}
}

/* At most one event a tick: a fault while the budget lasts, or a repair.
 * A cut-off host loses its BMC too, and so does a host whose power is cut;
 * the BMC may come back on its own at any later tick. */
inline environment() {
	if
	:: skip
	:: budget > 0 ->
		select(hy : 0 .. N-1);
		if
		:: !part[hy] -> part[hy] = 1; bmcdown[hy] = 1; budget--	/* cut off */
		:: running[hy] && !stuck[hy] -> stuck[hy] = 1; budget--	/* QEMU wedged */
		:: !part[hy] && lat[hy] == 0 -> lat[hy] = RTT+1; budget--	/* queues fill */
		:: up[hy] -> powerdown(hy); bmcdown[hy] = 1; budget--	/* power cut */
#ifdef BUG_TRUST_DEAD
		:: !sus[hy] && fst[hy] == OK -> sus[hy] = 1; budget--	/* memberlist: dead */
#endif
		:: else
		fi
	:: select(hy : 0 .. N-1);
		if
		:: bmcdown[hy] -> bmcdown[hy] = 0			/* BMC answers */
		:: lat[hy] > 0 && !part[hy] -> part[hy] = 1; bmcdown[hy] = 1	/* congested link fails */
		:: part[hy] || lat[hy] > 0 -> part[hy] = 0; lat[hy] = 0	/* network repaired */
		:: !up[hy] && fst[hy] != FENCING -> up[hy] = 1; fresh[hy] = 1	/* powered on */
		:: sth[hy] -> sth[hy] = 0				/* held start arrives */
		:: fst[hy] == FENCED && up[hy] && fresh[hy] && !part[hy] ->	/* readmitted, */
			fst[hy] = OK; lease[hy] = TTL			/* its lease timer armed */
		:: else
		fi
	fi;
	hy = 0
}

active proctype clock() {
	do
	:: atomic { turn == CLOCK -> tick(); environment(); turn = LEADER }
	od
}

/* ---------- host agent: one step a tick ---------- */

inline hoststep(h) {
#ifdef BUG_LATE_FEED
	if
	:: late[h] ->
		late[h] = 0;
		if
		:: armed[h] && wd[h] < WD+slow[h]*DRIFT -> wd[h] = WD+slow[h]*DRIFT
		:: else
		fi
	:: else
	fi;
#endif
	/* Renew. The leader extends the lease of a host it is not
	 * fencing. A reply within the round-trip bound renews the host's
	 * own view, counted from the request with the drift taken off,
	 * and feeds the watchdog; it is applied now as if it came at the
	 * bound. A late reply renews nothing and feeds nothing: the
	 * correct host ignores it, so late replies in flight are tracked
	 * only for the variant that does not. */
	if
	:: part[h] || fst[h] != OK -> skip	/* lost, or refused: lease revoked */
	:: else ->
		lease[h] = TTL;
		if
		:: lat[h] == 0 ->
			if
			:: view[h] < TTL-DRIFT+slow[h]*DRIFT -> view[h] = TTL-DRIFT+slow[h]*DRIFT
			:: else
			fi;
			if :: armed[h] -> wd[h] = RTT+WD+slow[h]*DRIFT :: else fi
		:: else ->
#ifdef BUG_LATE_FEED
			pipe[h] = pipe[h] | (1 << (lat[h]-1))
#else
			skip
#endif
		fi
	fi;
	/* A start command, once it gets through, becomes an intent. */
	if
	:: st[h] != 0 && !sth[h] && !part[h] -> want[h] = st[h]; st[h] = 0
	:: else
	fi;
	/* Start only under a valid own lease view, and only what the
	 * committed state places here with the current generation;
	 * drop any other intent. */
	if
	:: want[h] != 0 && !running[h] && view[h] > 0 ->
#ifndef BUG_SKIP_GEN
		if
		:: owner == h && gen == want[h] ->
#endif
			assert(want[h] >= maxstarted);	/* P2 generations only rise */
			assert(copies == 0 && gone == 0);	/* P1 never twice */
			running[h] = 1; copies++; maxstarted = want[h]
#ifndef BUG_SKIP_GEN
		:: else -> want[h] = 0
		fi
#endif
	:: else
	fi;
	/* Own view gone: stop the VM; a wedged one waits for the watchdog. */
	if
	:: running[h] && view[h] == 0 && !stuck[h] ->
		running[h] = 0; copies--; gone++;
#ifdef BUG_NO_RESTART
		want[h] = 0
#else
		skip
#endif
	:: else
	fi
}

proctype host(byte h) {
	do
	:: atomic { turn == HOST+h ->
		turn = (h == N-1 -> CLOCK : turn+1);
		if
		:: up[h] -> hoststep(h)
		:: else
		fi }
	od
}

/* ---------- leader: one step a tick ---------- */

inline confirm(h) {
	fst[h] = FENCED;
	if :: old == h -> old = NONE :: else fi
}

inline fence(h) {
	/* Dead, and the guard allows: revoke ownership by compare-and-set
	 * on (VM, generation), which raises it, revoke the lease (it still
	 * runs out at the expiry granted last), then fence. */
	if
	:: fst[h] == OK && DEAD(h) && MASS_GUARD ->
		assert(RECENT < MAXF);		/* P3 no mass fencing */
		assert(lease[h] == 0);		/* P4 second opinion */
		if
		:: owner == h -> owner = NONE; gen++; old = h
		:: else
		fi;
		fst[h] = FENCING; mg[h] = MARGIN; win[h] = WIN; fresh[h] = 0
	:: else
	fi;
	/* BMC: power off. It takes effect now or at the next tick, the BMC
	 * reading "on" meanwhile. */
	if
	:: fst[h] == FENCING && !bmcdown[h] && up[h] && offp[h] == 0 ->
		if
		:: powerdown(h)
		:: offp[h] = 1
		fi;
#ifdef BUG_SKIP_CONFIRM
		confirm(h)
#else
		skip
#endif
	:: else
	fi;
	if
	:: fst[h] == FENCING && !bmcdown[h] && !up[h] -> confirm(h)	/* read back: off */
	:: fst[h] == FENCING && bmcdown[h] && lease[h] == 0 && mg[h] == 0 && SELF_FENCES(h) ->
		confirm(h)	/* the watchdog has reset it */
	:: else		/* watchdog none and no BMC: the VM waits */
	fi
}

/* Place the VM once its previous owner's fence is confirmed, on a host that
 * holds a lease and is not being fenced; the start carries the new
 * generation. */
inline place(h) {
	gen++;
	assert(gen > maxstarted);	/* P2: a placement's generation is new */
	owner = h; st[h] = gen;
	if
	:: sth[h] = 0
	:: budget > 0 -> sth[h] = 1; budget--	/* start command held up */
	fi
}

proctype leader() {
	do
	:: atomic { turn == LEADER ->
		turn = HOST;
#if N == 2
		if
		:: true -> fence(0); fence(1)
		:: true -> fence(1); fence(0)
		fi;
#else
		if
		:: true -> fence(0); fence(1); fence(2)
		:: true -> fence(1); fence(2); fence(0)
		:: true -> fence(2); fence(0); fence(1)
		fi;
#endif
		if
		:: owner == NONE && old == NONE && ELIGIBLE(0) -> place(0)
		:: owner == NONE && old == NONE && ELIGIBLE(1) -> place(1)
#if N > 2
		:: owner == NONE && old == NONE && ELIGIBLE(2) -> place(2)
#endif
		:: else
		fi }
	od
}

#ifdef LIVENESS
#if N == 2
#define HEALTHY (!part[0] && !part[1] && !bmcdown[0] && !bmcdown[1] && \
	lat[0] == 0 && lat[1] == 0 && !sth[0] && !sth[1])
#define CAPACITY ((up[0] && fst[0] == OK) || (up[1] && fst[1] == OK))
#define VMUP (running[0] || running[1])
#else
#define HEALTHY (!part[0] && !part[1] && !part[2] && \
	!bmcdown[0] && !bmcdown[1] && !bmcdown[2] && \
	lat[0] == 0 && lat[1] == 0 && lat[2] == 0 && !sth[0] && !sth[1] && !sth[2])
#define CAPACITY ((up[0] && fst[0] == OK) || (up[1] && fst[1] == OK) || (up[2] && fst[2] == OK))
#define VMUP (running[0] || running[1] || running[2])
#endif
ltl recovers { (<>[] (HEALTHY && CAPACITY)) -> (<>[] VMUP) }
#endif

/* Steady state: host 0 runs the VM under generation 1, every host holds a
 * lease, and each host's watchdog and clock are chosen here. */
init {
	atomic {
		for (hx : 0 .. N-1) {
			if :: armed[hx] = 1 :: armed[hx] = 0 fi;
			if :: slow[hx] = 1 :: slow[hx] = 0 fi;
			up[hx] = 1; lease[hx] = TTL; view[hx] = TTL-DRIFT+slow[hx]*DRIFT;
			if :: armed[hx] -> wd[hx] = RTT+WD+slow[hx]*DRIFT :: else fi
		}
		owner = 0; gen = 1; want[0] = 1; running[0] = 1; copies = 1; maxstarted = 1;
		for (hx : 0 .. N-1) {
			run host(hx)
		}
		run leader();
		hx = 0; turn = CLOCK
	}
}
