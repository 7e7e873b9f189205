package lab

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"
)

// powerServer lets BMC power hooks that are shell commands (ipmi_sim's
// chassis control) reach the lab: the hook connects to a loopback TCP port
// with bash's /dev/tcp, sends "TOKEN HOST off|on" and waits for "ok", which
// the lab sends once the host's processes are dead (off) or its boot
// services are started (on). The token keeps other local processes from
// powering lab hosts by accident.
type powerServer struct {
	lab   *Lab
	ln    net.Listener
	token string
	wg    sync.WaitGroup
}

func (l *Lab) startPowerServer() (*powerServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("lab: power hook listener: %w", err)
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	ps := &powerServer{lab: l, ln: ln, token: hex.EncodeToString(b)}
	ps.wg.Add(1)
	go ps.serve()
	l.onClose(func() error {
		ps.ln.Close()
		ps.wg.Wait()
		return nil
	})
	return ps, nil
}

func (ps *powerServer) serve() {
	defer ps.wg.Done()
	for {
		c, err := ps.ln.Accept()
		if err != nil {
			return
		}
		ps.wg.Add(1)
		go func() {
			defer ps.wg.Done()
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(30 * time.Second))
			line, err := bufio.NewReader(c).ReadString('\n')
			if err != nil {
				return
			}
			fmt.Fprintf(c, "%s\n", ps.handle(strings.Fields(line)))
		}()
	}
}

func (ps *powerServer) handle(f []string) string {
	if len(f) != 3 || f[0] != ps.token {
		return "err bad request"
	}
	i, err := strconv.Atoi(f[1])
	if err != nil || i < 1 || i > len(ps.lab.Hosts) {
		return "err no such host"
	}
	h := ps.lab.Hosts[i-1]
	switch f[2] {
	case "off":
		err = h.powerOff()
	case "on":
		err = h.powerOn()
	default:
		return "err bad command"
	}
	if err != nil {
		ps.lab.logf("power hook %s %s: %v", h.Name, f[2], err)
		return "err " + strings.ReplaceAll(err.Error(), "\n", " ")
	}
	return "ok"
}

// hook returns the shell command a BMC runs to power host i off or on.
func (ps *powerServer) hook(i int, what string) string {
	port := ps.ln.Addr().(*net.TCPAddr).Port
	return fmt.Sprintf(`exec bash -c 'exec 3<>/dev/tcp/127.0.0.1/%d && printf "%%s\n" "%s %d %s" >&3 && read -r -t 30 a <&3 && [ "$a" = ok ] || { echo "lab power %s: ${a:-no answer}" >&2; exit 1; }'`,
		port, ps.token, i, what, what)
}
