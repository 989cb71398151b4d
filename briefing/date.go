package briefing

import (
	"fmt"
	"time"
)

// Date is a calendar date written as YYYY-MM-DD in the data.
type Date string

// DateLayout is the layout Date values are written in.
const DateLayout = "2006-01-02"

// Time parses the date; the zero time and an error if it is malformed.
func (d Date) Time() (time.Time, error) {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return time.Time{}, fmt.Errorf("want a date as YYYY-MM-DD, got %q", string(d))
	}
	return t, nil
}
