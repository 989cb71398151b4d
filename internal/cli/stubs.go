package cli

import "github.com/spf13/pflag"

const watchHelp, initHelp, completionHelp = "", "", ""

func watchFlags(fs *pflag.FlagSet, o *options) {}
func runWatch(c *call) error                   { return nil }
func runInit(c *call) error                    { return nil }
func runCompletion(c *call) error              { return nil }
