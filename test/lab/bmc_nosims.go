//go:build labnosims

package lab

import (
	"context"
	"errors"
)

type sims struct{}

func (l *Lab) startBMCs(ctx context.Context) error {
	if l.opts.BMC == NoBMC {
		return nil
	}
	return errors.New("built without simulators")
}
func (b *BMC) close() error { return nil }
