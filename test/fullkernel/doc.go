// Package fullkernel runs chosen Go tests inside Debian's own kernel under
// QEMU TCG, for what the build machine's kernel lacks: 802.1Q VLAN devices,
// bridge vlan_filtering, netem, softdog, module loading (LAB.md).
//
// A test uses it in two halves of one function:
//
//	func TestVLANFiltering(t *testing.T) {
//		if !fullkernel.Inside() {
//			fullkernel.RunTest(t, fullkernel.Options{})
//			return
//		}
//		// the real test body, running as root inside the full kernel
//	}
//
// Outside, [RunTest] builds the calling package's test binary statically
// (CGO_ENABLED=0 go test -c, in the working directory go test gives every
// package), packs it, the package's testdata directory (inside, the binary
// runs in /test next to /test/testdata), busybox, iproute2 (/sbin/ip, /sbin/bridge, /sbin/tc
// and their libraries) and the kernel modules into an initramfs (plain cpio
// newc: under TCG the kernel unpacks it faster than it inflates gzip), boots
// the kernel with QEMU, runs only that test (-test.run
// '^TestVLANFiltering$'), streams the output into the test's output (lines
// marked "> ") and fails t when the inner run fails or never reports a
// verdict. Inside, [Inside] is true and the body runs.
// Several inner tests can share one boot: Options.Run takes a pattern, and
// inner tests that should run only through it skip when !Inside().
//
// [Run] is the same without testing.T (cmd/fullkernel uses it for
// `make fullkernel PKG=./netfabric RUN=TestX`).
//
// Kernel assets: test/deps.sh unpacks the current bookworm
// linux-image-*-amd64 package into $VIGIL_FULLKERNEL_DIR (default
// /var/cache/vigil/fullkernel) with a "current" symlink, and the ELF vmlinux
// out of the bzImage: QEMU boots that through its PVH entry and skips 5-7 s
// of decompression under TCG. Without them,
// [RunTest] skips and says to run test/deps.sh. Modules loaded by default:
// [DefaultModules] plus Options.Modules, with their dependencies (read from
// each module's .modinfo, since the unpacked package has no modules.dep).
//
// Measured on the shared 2-core build machine: build (cached) 1-2.5 s, QEMU
// start to test start 3.7-11 s depending on host load, power-off 0.2 s.
// Result.Console keeps every console line: a softdog reset shows as
// ErrNoVerdict with Result.WatchdogReset set.
//
// Caveats: everything inside runs about 100 times slower than on the host;
// keep inner tests small. Use /sbin/ip, /sbin/bridge and /sbin/tc by full
// path inside (busybox's applets of the same names are on PATH first). The
// guest has only loopback networking; tests build their own namespaces,
// bridges and veths. Never open /dev/watchdog except in a test meant to be
// reset: an unfed softdog resets the guest and the run ends without verdict.
package fullkernel
