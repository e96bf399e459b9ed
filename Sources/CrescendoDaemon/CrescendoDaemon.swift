// The daemon target; see issue 5.
