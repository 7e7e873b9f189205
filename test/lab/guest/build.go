package guest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"debug/elf"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"time"
)

//go:embed src/boot.S src/guest.c src/link.ld
var sources embed.FS

// ErrNoToolchain means gcc or ld is not installed (test/deps.sh installs
// them); tests skip on it.
var ErrNoToolchain = errors.New("guest: gcc or ld not found (run test/deps.sh)")

var cflags = []string{
	"-m32", "-march=i686", "-ffreestanding", "-nostdlib", "-fno-pic", "-fno-pie",
	"-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-mgeneral-regs-only",
	"-O2", "-Wall", "-Wextra", "-Werror",
}

var ldflags = []string{"-m", "elf_i386", "-nostdlib", "-static", "-no-pie", "-z", "noexecstack"}

// CacheDir is where Build keeps built kernels: $VIGIL_GUEST_CACHE, else
// vigil/guest under the user's cache directory, else under the temp dir.
func CacheDir() string {
	if d := os.Getenv("VIGIL_GUEST_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "vigil", "guest")
	}
	return filepath.Join(os.TempDir(), "vigil-cache", "guest")
}

var built struct {
	sync.Mutex
	path string
}

// Build compiles the guest kernel (once per source and compiler version)
// and returns the path of the ELF file to pass to QEMU -kernel. Concurrent
// callers, also in other processes, are safe: the build runs under a file
// lock and the result is renamed into place.
func Build(ctx context.Context) (string, error) {
	built.Lock()
	defer built.Unlock()
	if built.path != "" {
		if _, err := os.Stat(built.path); err == nil {
			return built.path, nil
		}
	}
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return "", ErrNoToolchain
	}
	ld, err := exec.LookPath("ld")
	if err != nil {
		return "", ErrNoToolchain
	}
	version, err := exec.CommandContext(ctx, gcc, "-dumpfullversion").Output()
	if err != nil {
		return "", fmt.Errorf("guest build: %s -dumpfullversion: %w", gcc, err)
	}
	key, err := sourceKey(version)
	if err != nil {
		return "", err
	}
	dir := CacheDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("guest build: cache dir: %w", err)
	}
	out := filepath.Join(dir, "guest-"+key+".elf")
	if err := checkKernel(out); err == nil {
		built.path = out
		return out, nil
	}
	unlock, err := lockFile(ctx, filepath.Join(dir, "build.lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if err := checkKernel(out); err == nil { // another process built it
		built.path = out
		return out, nil
	}
	if err := compile(ctx, gcc, ld, dir, out); err != nil {
		return "", err
	}
	built.path = out
	return out, nil
}

func sourceKey(compiler []byte) (string, error) {
	h := sha256.New()
	var names []string
	err := fs.WalkDir(sources, "src", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("guest build: %w", err)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := sources.ReadFile(n)
		if err != nil {
			return "", fmt.Errorf("guest build: %w", err)
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	fmt.Fprintf(h, "cc %s\ncflags %q\nldflags %q\n", bytes.TrimSpace(compiler), cflags, ldflags)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func compile(ctx context.Context, gcc, ld, cacheDir, out string) error {
	work, err := os.MkdirTemp(cacheDir, "build-")
	if err != nil {
		return fmt.Errorf("guest build: %w", err)
	}
	defer os.RemoveAll(work)
	for _, n := range []string{"boot.S", "guest.c", "link.ld"} {
		b, err := sources.ReadFile("src/" + n)
		if err != nil {
			return fmt.Errorf("guest build: %w", err)
		}
		if err := os.WriteFile(filepath.Join(work, n), b, 0o644); err != nil {
			return fmt.Errorf("guest build: %w", err)
		}
	}
	run := func(name string, args ...string) error {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = work
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("guest build: %s: %w\n%s", filepath.Base(name), err, b)
		}
		return nil
	}
	for _, src := range []string{"boot.S", "guest.c"} {
		args := append(append([]string{}, cflags...), "-c", src, "-o", src+".o")
		if err := run(gcc, args...); err != nil {
			return err
		}
	}
	args := append(append([]string{}, ldflags...), "-T", "link.ld", "-o", "guest.elf", "boot.S.o", "guest.c.o")
	if err := run(ld, args...); err != nil {
		return err
	}
	tmp := filepath.Join(work, "guest.elf")
	if err := checkKernel(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("guest build: %w", err)
	}
	return nil
}

// checkKernel verifies that path is a 32-bit x86 ELF with a multiboot
// header in its first 8 KiB, as QEMU's -kernel loader needs.
func checkKernel(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("guest kernel %s: %w", path, err)
	}
	defer f.Close()
	if f.Class != elf.ELFCLASS32 || f.Machine != elf.EM_386 {
		return fmt.Errorf("guest kernel %s: not a 32-bit x86 ELF", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("guest kernel %s: %w", path, err)
	}
	if len(b) > 8192 {
		b = b[:8192]
	}
	for i := 0; i+12 <= len(b); i += 4 {
		magic := binary.LittleEndian.Uint32(b[i:])
		flags := binary.LittleEndian.Uint32(b[i+4:])
		sum := binary.LittleEndian.Uint32(b[i+8:])
		if magic == 0x1BADB002 && magic+flags+sum == 0 {
			return nil
		}
	}
	return fmt.Errorf("guest kernel %s: no multiboot header in the first 8 KiB", path)
}

// lockFile takes an exclusive flock on path, polling so ctx can end the wait.
func lockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("guest build: lock: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("guest build: lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("guest build: waiting for %s: %w", path, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
