// Command fullkernel runs a package's tests inside Debian's kernel under
// QEMU TCG (package test/fullkernel) and exits with the test binary's
// status: `go run ./test/fullkernel/cmd/fullkernel -pkg ./netfabric -run TestX`,
// which `make fullkernel PKG=./netfabric RUN=TestX` wraps. Exit status 2
// means the run itself failed (no assets, no verdict).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/test/fullkernel"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var env, modules, args, kargs, params list
	pkg := flag.String("pkg", ".", "package `dir`ectory whose tests run inside")
	run := flag.String("run", "", "-test.run `pattern` (required)")
	timeout := flag.Duration("timeout", 10*time.Minute, "deadline for build, boot and test")
	mem := flag.Int("m", 0, "guest RAM in MiB (0 = 512)")
	stamps := flag.Bool("ts", false, "prefix console lines with the time since the run started")
	flag.Var(&env, "env", "KEY=VALUE for the test binary (repeatable)")
	flag.Var(&modules, "module", "kernel module to load besides the defaults (repeatable)")
	flag.Var(&params, "param", "module parameters as MODULE=KEY=VALUE[ KEY=VALUE], e.g. softdog=soft_margin=5 (repeatable)")
	flag.Var(&kargs, "karg", "kernel command line argument, e.g. loglevel=7 (repeatable)")
	flag.Var(&args, "arg", "extra test binary argument, e.g. -test.short (repeatable)")
	flag.Parse()
	if *run == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: fullkernel -pkg DIR -run PATTERN [-env K=V] [-module M] [-arg A] [-timeout D]")
		os.Exit(2)
	}
	modParams := map[string]string{}
	for _, p := range params {
		m, v, ok := strings.Cut(p, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "fullkernel: -param %q: want MODULE=KEY=VALUE\n", p)
			os.Exit(2)
		}
		modParams[m] = v
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, *timeout)
	defer cancel2()

	start := time.Now()
	res, err := fullkernel.Run(ctx, fullkernel.Config{
		Package: *pkg, Run: *run, Env: env, Modules: modules, ModuleParams: modParams, Args: args, KernelArgs: kargs, MemoryMiB: *mem,
		Output: func(line string) {
			if *stamps {
				fmt.Printf("[%7.3fs] ", time.Since(start).Seconds())
			}
			fmt.Println(line)
		},
	})
	fmt.Fprintf(os.Stderr, "fullkernel: build %v, boot %v, test %v, total QEMU %v\n",
		res.Build.Round(time.Millisecond), res.Boot.Round(time.Millisecond),
		res.Test.Round(time.Millisecond), res.Total.Round(time.Millisecond))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if !res.Passed() {
		fmt.Fprintf(os.Stderr, "fullkernel: FAIL %s (exit status %d)\n", strings.Join(res.Failed, ", "), res.ExitCode)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "fullkernel: PASS")
}
