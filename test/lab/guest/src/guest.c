/*
 * vigil test guest: fills its RAM with incompressible data, keeps dirtying
 * pages at a configured rate and prints a heartbeat on COM1 once a second.
 *
 * Command line (multiboot, QEMU -append), space separated key=value:
 *   id=NAME      identity printed in every heartbeat ([A-Za-z0-9._-], <= 63)
 *   dirty=N      MiB per second to dirty after the initial fill (0..4000)
 *   fill=0|1     fill all RAM with pseudo-random data first (default 1)
 *   touch=page|word  rewrite whole pages (default) or one word per page
 *
 * Heartbeat (one line per second, seq 0 right after boot):
 *   vigil-guest id=ID seq=N boot=HEX up_ms=N state=fill|run mem_mib=N
 *   filled_mib=N dirty_mibps=N dirtied_kib=N
 * boot is a per-boot nonce (it survives a migration, a fresh boot changes it);
 * state=fill while the initial fill runs, run after it (dirtying starts then).
 *
 * Time comes from the HPET main counter, which QEMU derives from its virtual
 * clock: real time under TCG, stopped while the VM is paused, carried over by
 * migration, and exact even when the host starves the vCPU (no lost ticks).
 * Without an HPET the guest counts PIT interrupts instead (late or lost when
 * the host is overloaded). The PIT (IRQ0 at 100 Hz) wakes the idle loop.
 * Freestanding: no libc, no libgcc (no 64-bit division anywhere).
 */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define HZ 100
#define PIT_DIVISOR 11932 /* 1193182 Hz / 11932 = 99.998 Hz */
#define PAGE 4096u
#define MIB (1024u * 1024u)
#define FILL_CHUNK (64u * 1024u)
#define MAX_DIRTY 4000u

extern char _end[];
extern void irq0_stub(void);
extern void irq_other_stub(void);
extern void fault_stub(void);

volatile u32 ticks;

/* Compilers may emit calls to these even when freestanding. */
void *memset(void *d, int c, u32 n)
{
	u8 *p = d;
	while (n--)
		*p++ = (u8)c;
	return d;
}

void *memcpy(void *d, const void *s, u32 n)
{
	u8 *p = d;
	const u8 *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

static inline void outb(u16 port, u8 v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* ---- serial (COM1) ---- */

#define COM1 0x3f8

static void serial_init(void)
{
	outb(COM1 + 1, 0x00); /* no interrupts */
	outb(COM1 + 3, 0x80); /* DLAB */
	outb(COM1 + 0, 0x01); /* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03); /* 8N1 */
	outb(COM1 + 2, 0xc7); /* FIFO on, cleared */
	outb(COM1 + 4, 0x03); /* DTR, RTS */
}

static void sputc(char c)
{
	u32 spin = 100000;
	while (!(inb(COM1 + 5) & 0x20) && --spin)
		;
	outb(COM1, (u8)c);
}

static void sputs(const char *s)
{
	while (*s)
		sputc(*s++);
}

/* u64 to decimal without libgcc: divide 32 bits at a time with divl. */
static u32 div10(u64 *v)
{
	u32 hi = (u32)(*v >> 32), lo = (u32)*v, qhi, qlo, r;
	qhi = hi / 10;
	r = hi % 10;
	__asm__("divl %4" : "=a"(qlo), "=d"(r) : "a"(lo), "d"(r), "rm"(10u));
	*v = ((u64)qhi << 32) | qlo;
	return r;
}

static void sputu(u64 v)
{
	char buf[24];
	int i = 0;
	do
		buf[i++] = (char)('0' + div10(&v));
	while (v);
	while (i)
		sputc(buf[--i]);
}

static void sputhex(u32 v)
{
	int i;
	for (i = 28; i >= 0; i -= 4)
		sputc("0123456789abcdef"[(v >> i) & 15]);
}

void guest_fault(void)
{
	sputs("vigil-guest fault: unexpected exception or interrupt, halted\n");
}

/* ---- interrupts ---- */

struct idt_entry {
	u16 off_lo, sel;
	u8 zero, type;
	u16 off_hi;
} __attribute__((packed));

static struct idt_entry idt[256];

static void idt_set(int v, void (*fn)(void))
{
	u32 a = (u32)fn;
	idt[v].off_lo = (u16)a;
	idt[v].sel = 0x08;
	idt[v].zero = 0;
	idt[v].type = 0x8e; /* present, ring 0, 32-bit interrupt gate */
	idt[v].off_hi = (u16)(a >> 16);
}

static void interrupts_init(void)
{
	struct {
		u16 limit;
		u32 base;
	} __attribute__((packed)) ptr;
	int v;

	for (v = 0; v < 256; v++)
		idt_set(v, fault_stub);
	for (v = 0x20; v < 0x30; v++)
		idt_set(v, irq_other_stub);
	idt_set(0x20, irq0_stub);
	ptr.limit = sizeof(idt) - 1;
	ptr.base = (u32)idt;
	__asm__ volatile("lidt %0" : : "m"(ptr));

	/* Remap the 8259 pair to vectors 0x20..0x2f, unmask IRQ0 only. */
	outb(0x20, 0x11);
	outb(0xa0, 0x11);
	outb(0x21, 0x20);
	outb(0xa1, 0x28);
	outb(0x21, 0x04);
	outb(0xa1, 0x02);
	outb(0x21, 0x01);
	outb(0xa1, 0x01);
	outb(0x21, 0xfe);
	outb(0xa1, 0xff);

	/* PIT channel 0, rate generator. */
	outb(0x43, 0x34);
	outb(0x40, PIT_DIVISOR & 0xff);
	outb(0x40, PIT_DIVISOR >> 8);
}

/* ---- clock ---- */

/* n / d for a 64-bit n without libgcc: two divl steps. */
static u64 divu(u64 n, u32 d)
{
	u32 hi = (u32)(n >> 32), lo = (u32)n, qhi, qlo, r;
	qhi = hi / d;
	r = hi % d;
	__asm__("divl %4" : "=a"(qlo), "=d"(r) : "a"(lo), "d"(r), "rm"(d));
	return ((u64)qhi << 32) | qlo;
}

#define HPET_BASE 0xfed00000u
static volatile u32 *const hpet = (volatile u32 *)HPET_BASE;
static u32 hpet_per_ms; /* counter ticks per millisecond, 0 = no HPET */
static u64 hpet_start;

static u64 hpet_read(void)
{
	u32 hi, lo;
	do {
		hi = hpet[0xf4 / 4];
		lo = hpet[0xf0 / 4];
	} while (hi != hpet[0xf4 / 4]);
	return ((u64)hi << 32) | lo;
}

static void clock_init(void)
{
	u32 period_fs = hpet[0x04 / 4]; /* COUNTER_CLK_PERIOD, femtoseconds */
	if (period_fs == 0 || period_fs > 100000000u || hpet[0] == 0xffffffffu)
		return;
	hpet[0x10 / 4] |= 1; /* ENABLE_CNF */
	hpet_per_ms = (u32)divu(1000000000000ull, period_fs);
	if (hpet_per_ms == 0)
		return;
	hpet_start = hpet_read();
}

static u64 now_ms(void)
{
	if (hpet_per_ms)
		return divu(hpet_read() - hpet_start, hpet_per_ms);
	return (u64)ticks * (1000 / HZ);
}

/* ---- command line ---- */

static char id[64] = "vm";
static u32 dirty_mibps;
static int fill = 1;
static int touch_word;

static int id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static int keyeq(const char *k, u32 klen, const char *want)
{
	u32 i;
	for (i = 0; i < klen; i++)
		if (want[i] != k[i])
			return 0;
	return want[klen] == 0;
}

static int parse_u32(const char *s, u32 n, u32 *out)
{
	u32 v = 0, i;
	if (n == 0 || n > 9)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (u32)(s[i] - '0');
	}
	*out = v;
	return 1;
}

static void bad(const char *what)
{
	sputs("vigil-guest error: bad ");
	sputs(what);
	sputs(" on the command line, using default\n");
}

static void parse_cmdline(const char *s)
{
	int first = 1;
	while (*s) {
		const char *tok, *eq = 0, *v;
		u32 klen, vlen, n;
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		tok = s;
		while (*s && *s != ' ') {
			if (*s == '=' && !eq)
				eq = s;
			s++;
		}
		/* QEMU and GRUB put the kernel's path first. */
		if (first && *tok == '/') {
			first = 0;
			continue;
		}
		first = 0;
		if (!eq)
			continue;
		klen = (u32)(eq - tok);
		v = eq + 1;
		vlen = (u32)(s - v);
		if (keyeq(tok, klen, "id")) {
			u32 i, ok = vlen > 0 && vlen < sizeof(id);
			for (i = 0; ok && i < vlen; i++)
				ok = id_char(v[i]);
			if (!ok) {
				bad("id");
				continue;
			}
			for (i = 0; i < vlen; i++)
				id[i] = v[i];
			id[vlen] = 0;
		} else if (keyeq(tok, klen, "dirty")) {
			if (!parse_u32(v, vlen, &n) || n > MAX_DIRTY)
				bad("dirty");
			else
				dirty_mibps = n;
		} else if (keyeq(tok, klen, "fill")) {
			if (!parse_u32(v, vlen, &n) || n > 1)
				bad("fill");
			else
				fill = (int)n;
		} else if (keyeq(tok, klen, "touch")) {
			if (vlen == 4 && keyeq(v, 4, "page"))
				touch_word = 0;
			else if (vlen == 4 && keyeq(v, 4, "word"))
				touch_word = 1;
			else
				bad("touch");
		}
	}
}

/* ---- main ---- */

struct multiboot_info {
	u32 flags, mem_lower, mem_upper, boot_device, cmdline;
};

static u32 rng;

static inline u32 xorshift(void)
{
	u32 x = rng;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rng = x;
	return x;
}

static void fill_words(u32 *p, u32 words)
{
	u32 x = rng;
	while (words--) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		*p++ = x;
	}
	rng = x;
}

static char cmdline[1024];

void guest_main(u32 magic, struct multiboot_info *mbi)
{
	u32 mem_end = 0, region, region_end, fill_pos, filled, dirty_pos;
	u32 seq = 0, last_tick = 0, boot, i;
	u64 next_hb = 0, last_ms = 0, owed = 0, cap, dirtied = 0; /* ms, bytes */
	u64 t0 = rdtsc();

	serial_init();
	if (magic != 0x2BADB002) {
		sputs("vigil-guest error: not started by a multiboot loader\n");
		return;
	}
	if (mbi->flags & 4) {
		const char *c = (const char *)mbi->cmdline;
		for (i = 0; i < sizeof(cmdline) - 1 && c[i]; i++)
			cmdline[i] = c[i];
		cmdline[i] = 0;
	}
	if (mbi->flags & 1)
		mem_end = 0x100000u + mbi->mem_upper * 1024u;
	parse_cmdline(cmdline);

	region = ((u32)_end + PAGE - 1) & ~(PAGE - 1);
	region_end = mem_end & ~(PAGE - 1);
	if (region_end < region + PAGE) {
		sputs("vigil-guest error: no memory above the kernel\n");
		region_end = region;
	}
	fill_pos = fill ? region : region_end;
	filled = region; /* fill progress shown in heartbeats */
	dirty_pos = region;

	boot = (u32)t0 ^ (u32)(t0 >> 32) ^ (u32)mbi;
	for (i = 0; id[i]; i++)
		boot = boot * 31u + (u8)id[i];
	rng = boot ? boot : 0x9e3779b9u;
	for (i = 0; i < 8; i++)
		xorshift();
	boot = xorshift();

	cap = (u64)dirty_mibps * MIB; /* at most one second of backlog */
	if (region_end == region)
		cap = 0;

	clock_init();
	interrupts_init();
	__asm__ volatile("sti");

	for (;;) {
		u64 t = now_ms();

		last_tick = ticks;
		if (t >= next_hb) {
			sputs("vigil-guest id=");
			sputs(id);
			sputs(" seq=");
			sputu(seq++);
			sputs(" boot=");
			sputhex(boot);
			sputs(" up_ms=");
			sputu(t);
			sputs(fill_pos < region_end ? " state=fill" : " state=run");
			sputs(" mem_mib=");
			sputu((mem_end + MIB / 2) / MIB);
			sputs(" filled_mib=");
			sputu((filled - region) / MIB);
			sputs(" dirty_mibps=");
			sputu(dirty_mibps);
			sputs(" dirtied_kib=");
			sputu(dirtied >> 10);
			sputc('\n');
			next_hb += 1000;
			if (t >= next_hb)
				next_hb = t + 1000; /* fell behind: do not burst */
		}
		if (t != last_ms) {
			u64 dt = t - last_ms;
			if (dt > 1000)
				dt = 1000;
			owed += divu(dt * dirty_mibps * MIB, 1000);
			if (owed > cap)
				owed = cap;
			last_ms = t;
		}
		if (fill_pos < region_end) {
			u32 n = region_end - fill_pos;
			if (n > FILL_CHUNK)
				n = FILL_CHUNK;
			fill_words((u32 *)fill_pos, n / 4);
			fill_pos += n;
			filled = fill_pos;
			continue;
		}
		if (owed >= PAGE) {
			if (touch_word)
				*(volatile u32 *)(dirty_pos + (xorshift() & (PAGE - 4))) = xorshift();
			else
				fill_words((u32 *)dirty_pos, PAGE / 4);
			dirty_pos += PAGE;
			if (dirty_pos >= region_end)
				dirty_pos = region;
			owed -= PAGE;
			dirtied += PAGE;
			continue;
		}
		/* Idle until the next tick; sti;hlt cannot miss the wake-up. */
		__asm__ volatile("cli");
		if (ticks == last_tick)
			__asm__ volatile("sti; hlt" ::: "memory");
		else
			__asm__ volatile("sti");
	}
}
