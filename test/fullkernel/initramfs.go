package fullkernel

import (
	"bufio"
	"bytes"
	"context"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// cpioWriter writes a cpio "newc" archive, the format the kernel unpacks
// as initramfs. Several archives may be concatenated in one initrd.
type cpioWriter struct {
	w    io.Writer
	ino  uint32
	dirs map[string]bool
}

func newCPIO(w io.Writer) *cpioWriter {
	return &cpioWriter{w: w, ino: 1000, dirs: map[string]bool{"/": true, ".": true}}
}

func (c *cpioWriter) header(name string, mode uint32, size int64, target string) error {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	c.ino++
	nlink := 1
	if mode&0o170000 == 0o040000 {
		nlink = 2
	}
	hdr := fmt.Sprintf("070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		c.ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0, len(name)+1, 0)
	buf := append([]byte(hdr), name...)
	buf = append(buf, 0)
	buf = pad4(buf)
	if target != "" {
		buf = pad4(append(buf, target...))
	}
	_, err := c.w.Write(buf)
	return err
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// mkdirAll adds name and its parents as directories.
func (c *cpioWriter) mkdirAll(name string) error {
	name = path.Clean("/" + name)
	if c.dirs[name] {
		return nil
	}
	if err := c.mkdirAll(path.Dir(name)); err != nil {
		return err
	}
	c.dirs[name] = true
	return c.header(name, 0o040755, 0, "")
}

// file adds a regular file with the given content.
func (c *cpioWriter) file(name string, perm uint32, data []byte) error {
	if err := c.mkdirAll(path.Dir(path.Clean("/" + name))); err != nil {
		return err
	}
	if err := c.header(name, 0o100000|perm, int64(len(data)), ""); err != nil {
		return err
	}
	_, err := c.w.Write(pad4(append([]byte(nil), data...)))
	return err
}

// copyFile adds the host file src (symlinks followed) as name.
func (c *cpioWriter) copyFile(name, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", src)
	}
	if err := c.mkdirAll(path.Dir(path.Clean("/" + name))); err != nil {
		return err
	}
	if err := c.header(name, 0o100000|uint32(st.Mode().Perm()), st.Size(), ""); err != nil {
		return err
	}
	n, err := io.Copy(c.w, f)
	if err != nil {
		return err
	}
	if n != st.Size() {
		return fmt.Errorf("%s changed size while copying", src)
	}
	_, err = c.w.Write(make([]byte, (4-n%4)%4))
	return err
}

func (c *cpioWriter) close() error {
	return c.header("TRAILER!!!", 0, 0, "")
}

// tools are the iproute2 binaries put into the guest at these paths.
var tools = []string{"/sbin/ip", "/sbin/bridge", "/sbin/tc"}

// writeBase writes the part of the initramfs shared by all runs: busybox,
// iproute2 with its libraries, tc's distribution tables and the modules
// (as /modules/NN-name.ko, loaded in name order).
func writeBase(ctx context.Context, w io.Writer, a *Assets, modules []string) error {
	c := newCPIO(w)
	for _, d := range []string{"/bin", "/sbin", "/proc", "/sys", "/dev", "/tmp", "/run", "/test", "/modules", "/etc"} {
		if err := c.mkdirAll(d); err != nil {
			return err
		}
	}
	bb, err := findBusybox()
	if err != nil {
		return err
	}
	if err := c.copyFile("/bin/busybox", bb); err != nil {
		return err
	}
	libs := map[string]bool{}
	for _, t := range tools {
		if err := c.copyFile(t, t); err != nil {
			return fmt.Errorf("fullkernel: iproute2: %w (run test/deps.sh)", err)
		}
		deps, err := sharedLibs(ctx, t)
		if err != nil {
			return err
		}
		for _, l := range deps {
			libs[l] = true
		}
	}
	var sorted []string
	for l := range libs {
		sorted = append(sorted, l)
	}
	sort.Strings(sorted)
	for _, l := range sorted {
		if err := c.copyFile(l, l); err != nil {
			return fmt.Errorf("fullkernel: library: %w", err)
		}
	}
	dists, _ := filepath.Glob("/usr/lib/x86_64-linux-gnu/tc/*.dist")
	for _, d := range dists {
		if err := c.copyFile(d, d); err != nil {
			return err
		}
	}
	order, err := a.LoadOrder(modules)
	if err != nil {
		return err
	}
	for i, m := range order {
		if err := c.copyFile(fmt.Sprintf("/modules/%02d-%s", i, filepath.Base(m)), m); err != nil {
			return err
		}
	}
	if err := c.file("/etc/passwd", 0o644, []byte("root:x:0:0:root:/tmp:/bin/sh\n")); err != nil {
		return err
	}
	if err := c.file("/etc/group", 0o644, []byte("root:x:0:\n")); err != nil {
		return err
	}
	return c.close()
}

func findBusybox() (string, error) {
	for _, p := range []string{"/bin/busybox", "/usr/bin/busybox"} {
		if static(p) == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("fullkernel: no static busybox (install busybox-static: run test/deps.sh)")
}

// static reports an error unless path is an ELF without an interpreter.
func static(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("%s is dynamically linked", path)
		}
	}
	return nil
}

var lddLine = regexp.MustCompile(`(?:=>\s*)?(/\S+)\s+\(0x[0-9a-f]+\)`)

// sharedLibs lists the libraries (and the dynamic loader) bin needs, as
// ldd prints them.
func sharedLibs(ctx context.Context, bin string) ([]string, error) {
	out, err := exec.CommandContext(ctx, "ldd", bin).Output()
	if err != nil {
		return nil, fmt.Errorf("fullkernel: ldd %s: %w", bin, err)
	}
	var libs []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if m := lddLine.FindStringSubmatch(sc.Text()); m != nil {
			libs = append(libs, m[1])
		}
	}
	if len(libs) == 0 {
		return nil, fmt.Errorf("fullkernel: ldd %s listed no libraries", bin)
	}
	return libs, nil
}
