package docx

import "sync"

// made holds values made once per key and shared by the documents of a
// Renderer (QR codes, wordmarks, styles parts): documents rendered at
// once that ask for the same key wait for one making.
type made[K comparable, V any] struct {
	m sync.Map // K → *madeEntry[V]
}

type madeEntry[V any] struct {
	once sync.Once
	v    V
	err  error
}

// get returns the value for k, making it with mk the first time.
func (c *made[K, V]) get(k K, mk func() (V, error)) (V, error) {
	e, _ := c.m.LoadOrStore(k, &madeEntry[V]{})
	en := e.(*madeEntry[V])
	en.once.Do(func() { en.v, en.err = mk() })
	return en.v, en.err
}
