package cli

import "github.com/spf13/pflag"

const watchHelp, completionHelp = "", ""

func watchFlags(fs *pflag.FlagSet, o *options) {}
func runWatch(c *call) error                   { return nil }
func runCompletion(c *call) error              { return nil }
