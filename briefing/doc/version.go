package doc

// Version is the tool's version, written into every document's properties
// as "briefing <Version>".
const Version = "0.1.0"

// Creator is the tool name and version for document properties.
const Creator = "briefing " + Version
