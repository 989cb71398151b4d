package statement

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Date is a calendar date written as YYYY-MM-DD in the data.
type Date string

// DateLayout is the layout Date values are written in.
const DateLayout = "2006-01-02"

var dateRe = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`)

// Time parses the date; the zero time and an error if it is malformed or
// names a day the calendar lacks ("February 2024 has 29 days").
func (d Date) Time() (time.Time, error) {
	m := dateRe.FindStringSubmatch(string(d))
	if m == nil {
		return time.Time{}, fmt.Errorf("want a date as YYYY-MM-DD, got %q", string(d))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return time.Time{}, fmt.Errorf("%q: there is no month %d (want 01 to 12)", string(d), mo)
	}
	n := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > n {
		return time.Time{}, fmt.Errorf("%q: %s %d has %d days", string(d), time.Month(mo), y, n)
	}
	return time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC), nil
}
