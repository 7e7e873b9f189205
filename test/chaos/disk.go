package chaos

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/test/lab"
)

// stateDiskMiB is the size of a slow disk's ext4, the lab's tmpfs size.
const stateDiskMiB = 16

// mountStateDisk puts h's state directory on a small ext4 in a loop
// device, mounted over the lab's tmpfs (`mount -o loop` frees the loop
// device when the lab's teardown unmounts it). It returns the device as
// "major:minor", what a blkio throttle names.
func mountStateDisk(h *lab.Host) (string, error) {
	img := filepath.Join(filepath.Dir(h.StateDir), "state.ext4")
	if err := os.WriteFile(img, nil, 0o600); err != nil {
		return "", fmt.Errorf("slow disk %s: %w", h.Name, err)
	}
	if err := os.Truncate(img, stateDiskMiB<<20); err != nil {
		return "", fmt.Errorf("slow disk %s: %w", h.Name, err)
	}
	for _, args := range [][]string{
		{"mkfs.ext4", "-q", "-F", "-m", "0", img},
		{"mount", "-o", "loop,nosuid,nodev", img, h.StateDir},
	} {
		if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
			return "", fmt.Errorf("slow disk %s: %s: %v: %s", h.Name, args[0], err, strings.TrimSpace(string(out)))
		}
	}
	var st unix.Stat_t
	if err := unix.Stat(h.StateDir, &st); err != nil {
		return "", fmt.Errorf("slow disk %s: %w", h.Name, err)
	}
	if unix.Major(st.Dev) != 7 {
		return "", fmt.Errorf("slow disk %s: %s is on device %d:%d, not a loop device", h.Name, h.StateDir, unix.Major(st.Dev), unix.Minor(st.Dev))
	}
	return fmt.Sprintf("%d:%d", unix.Major(st.Dev), unix.Minor(st.Dev)), nil
}

// newIOCage puts process pid in a cgroup whose reads and writes on device
// dev ("major:minor") are throttled to iops operations a second: cgroup
// v1's blkio throttle (this machine's) or v2's io.max. The throttle holds
// the I/O the process submits itself, its fsyncs' writeback included.
func newIOCage(name string, pid int, dev string, iops int) (*cage, error) {
	type layout struct {
		root  string
		files []string
		value string
	}
	n := strconv.Itoa(iops)
	for _, lay := range []layout{
		{"/sys/fs/cgroup/blkio", []string{"blkio.throttle.write_iops_device", "blkio.throttle.read_iops_device"}, dev + " " + n},
		{"/sys/fs/cgroup", []string{"io.max"}, dev + " riops=" + n + " wiops=" + n},
	} {
		if lay.files[0] == "io.max" {
			// v2: the io controller enabled for the root's children.
			b, err := os.ReadFile(filepath.Join(lay.root, "cgroup.subtree_control"))
			if err != nil || !slices.Contains(strings.Fields(string(b)), "io") {
				continue
			}
		} else if _, err := os.Stat(filepath.Join(lay.root, lay.files[0])); err != nil {
			continue
		}
		c := &cage{dir: filepath.Join(lay.root, name), root: lay.root}
		if err := os.Mkdir(c.dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
		}
		for _, f := range lay.files {
			if err := os.WriteFile(filepath.Join(c.dir, f), []byte(lay.value), 0o644); err != nil {
				c.release()
				return nil, fmt.Errorf("cgroup %s: %s: %w", c.dir, f, err)
			}
		}
		if err := os.WriteFile(filepath.Join(c.dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			c.release()
			return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
		}
		return c, nil
	}
	return nil, errors.New("no writable cgroup blkio or io controller")
}

// ioServiced says how many reads and writes the cage's processes did on
// dev while throttled (cgroup v1's blkio.throttle.io_serviced; "" when
// the cgroup does not tell): the evidence that the throttle held them.
func (c *cage) ioServiced(dev string) string {
	b, err := os.ReadFile(filepath.Join(c.dir, "blkio.throttle.io_serviced"))
	if err != nil {
		return ""
	}
	var reads, writes string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == dev {
			switch f[1] {
			case "Read":
				reads = f[2]
			case "Write":
				writes = f[2]
			}
		}
	}
	if reads == "" && writes == "" {
		return "no I/O on " + dev + " while throttled"
	}
	return fmt.Sprintf("%s reads and %s writes on %s while throttled", cmp.Or(reads, "0"), cmp.Or(writes, "0"), dev)
}
