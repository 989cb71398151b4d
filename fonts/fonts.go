// Package fonts embeds the OFL-licensed font files that briefing uses by
// default (Noto Sans, copied from Debian's fonts-noto-core) and their licence.
package fonts

import "embed"

// FS holds NotoSans-{Regular,Bold,Italic,BoldItalic}.ttf and OFL.txt.
//
//go:embed *.ttf OFL.txt
var FS embed.FS
