package membership

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hashicorp/memberlist"
)

// KeySize is the size of a gossip key: 32 bytes select AES-256-GCM.
const KeySize = 32

// maxKeyFile bounds what ReadKeyFile reads: a few keys, never a stray
// large file.
const maxKeyFile = 4096

// ErrKeyFile marks a gossip key file that cannot be used.
var ErrKeyFile = errors.New("gossip key file")

// ReadKeyFile reads the gossip keys from path: one key per line, each the
// standard base64 of 32 random bytes (`head -c 32 /dev/urandom | base64`);
// blank lines and lines starting with # are skipped. The first key
// encrypts; the others are only tried when decrypting, which lets a cluster
// rotate its key (add the new key second everywhere, then move it first,
// then drop the old one).
//
// The file must be a regular file that only its owner (and, read-only, its
// group) can read: mode 0600 or 0640. Anything wider is refused, naming the
// file and its mode, because the key is what keeps a stranger out of the
// cluster's failure detection.
func ReadKeyFile(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrKeyFile, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrKeyFile, path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w %s: not a regular file (%s)", ErrKeyFile, path, st.Mode().Type())
	}
	if perm := st.Mode().Perm(); perm&^0o640 != 0 {
		return nil, fmt.Errorf("%w %s: mode %04o lets others read or change the key; want 0600 or 0640 (chmod 600 %s)",
			ErrKeyFile, path, perm, path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrKeyFile, path, err)
	}
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("%w %s: larger than %d bytes; want one base64 key per line", ErrKeyFile, path, maxKeyFile)
	}
	keys, err := parseKeys(data)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrKeyFile, path, err)
	}
	return keys, nil
}

func parseKeys(data []byte) ([][]byte, error) {
	var keys [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		key, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			// The error of base64 names an offset, never the key.
			return nil, fmt.Errorf("line %d: not standard base64: %w", line, err)
		}
		if len(key) != KeySize {
			return nil, fmt.Errorf("line %d: key is %d bytes, want %d (head -c %d /dev/urandom | base64)",
				line, len(key), KeySize, KeySize)
		}
		for _, k := range keys {
			if bytes.Equal(k, key) {
				return nil, fmt.Errorf("line %d: same key twice", line)
			}
		}
		keys = append(keys, key)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, errors.New("no key in the file")
	}
	return keys, nil
}

// Keyring reads path with ReadKeyFile and returns a memberlist keyring whose
// primary (encrypting) key is the file's first.
func Keyring(path string) (*memberlist.Keyring, error) {
	keys, err := ReadKeyFile(path)
	if err != nil {
		return nil, err
	}
	kr, err := memberlist.NewKeyring(keys, keys[0])
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrKeyFile, path, err)
	}
	return kr, nil
}
