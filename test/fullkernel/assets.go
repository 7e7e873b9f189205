package fullkernel

import (
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultModules are loaded in every guest (in dependency order, which
// Assets.LoadOrder works out): bridge with VLAN filtering, 802.1Q, VXLAN,
// veth, tun, softdog and netem.
var DefaultModules = []string{"bridge", "8021q", "vxlan", "veth", "tun", "softdog", "sch_netem"}

// ErrNoAssets means the kernel package was not unpacked: run test/deps.sh.
var ErrNoAssets = errors.New("fullkernel: kernel assets missing (run test/deps.sh)")

// Dir is where test/deps.sh unpacks the kernel package: $VIGIL_FULLKERNEL_DIR
// or /var/cache/vigil/fullkernel.
func Dir() string {
	if d := os.Getenv("VIGIL_FULLKERNEL_DIR"); d != "" {
		return d
	}
	return "/var/cache/vigil/fullkernel"
}

// Assets is an unpacked Debian kernel package.
type Assets struct {
	Kernel     string            // boot/vmlinux-* if unpacked, else boot/vmlinuz-*
	Release    string            // e.g. 6.1.0-56-amd64
	ModulesDir string            // lib/modules/RELEASE
	modules    map[string]string // module name -> .ko path
}

// FindAssets locates the kernel and modules under dir/current.
func FindAssets(dir string) (*Assets, error) {
	root := filepath.Join(dir, "current")
	kernels, _ := filepath.Glob(filepath.Join(root, "boot", "vmlinuz-*"))
	if len(kernels) != 1 {
		return nil, fmt.Errorf("%w: want one %s/boot/vmlinuz-*, found %d", ErrNoAssets, root, len(kernels))
	}
	a := &Assets{Kernel: kernels[0], Release: strings.TrimPrefix(filepath.Base(kernels[0]), "vmlinuz-")}
	// test/deps.sh also unpacks the ELF vmlinux: QEMU boots it through its
	// PVH entry in a fraction of a second; the bzImage needs 5-7 s of
	// decompression under TCG.
	if vmlinux := filepath.Join(root, "boot", "vmlinux-"+a.Release); static(vmlinux) == nil {
		a.Kernel = vmlinux
	}
	a.ModulesDir = filepath.Join(root, "lib", "modules", a.Release)
	a.modules = map[string]string{}
	err := filepath.WalkDir(filepath.Join(a.ModulesDir, "kernel"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ko") {
			a.modules[modName(strings.TrimSuffix(d.Name(), ".ko"))] = p
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoAssets, err)
	}
	if len(a.modules) == 0 {
		return nil, fmt.Errorf("%w: no modules under %s", ErrNoAssets, a.ModulesDir)
	}
	return a, nil
}

func modName(s string) string { return strings.ReplaceAll(s, "-", "_") }

// LoadOrder returns the .ko paths for names and everything they depend on,
// dependencies first, each once.
func (a *Assets) LoadOrder(names []string) ([]string, error) {
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(name, from string) error
	visit = func(name, from string) error {
		name = modName(name)
		switch state[name] {
		case 1:
			return fmt.Errorf("fullkernel: module dependency cycle at %s", name)
		case 2:
			return nil
		}
		path, ok := a.modules[name]
		if !ok {
			if from != "" {
				return fmt.Errorf("fullkernel: module %s (needed by %s) not in %s", name, from, a.ModulesDir)
			}
			return fmt.Errorf("fullkernel: module %s not in %s", name, a.ModulesDir)
		}
		state[name] = 1
		deps, err := moduleDepends(path)
		if err != nil {
			return err
		}
		for _, d := range deps {
			if err := visit(d, name); err != nil {
				return err
			}
		}
		state[name] = 2
		order = append(order, path)
		return nil
	}
	for _, n := range names { // the caller's order where dependencies allow
		if err := visit(n, ""); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// moduleDepends reads depends= from a module's .modinfo section (what
// `modinfo -F depends` prints).
func moduleDepends(path string) ([]string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fullkernel: module %s: %w", path, err)
	}
	defer f.Close()
	sec := f.Section(".modinfo")
	if sec == nil {
		return nil, fmt.Errorf("fullkernel: module %s: no .modinfo section", path)
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("fullkernel: module %s: %w", path, err)
	}
	for _, kv := range bytes.Split(data, []byte{0}) {
		if v, ok := bytes.CutPrefix(kv, []byte("depends=")); ok {
			var deps []string
			for _, d := range strings.Split(string(v), ",") {
				if d != "" {
					deps = append(deps, d)
				}
			}
			return deps, nil
		}
	}
	return nil, nil
}
