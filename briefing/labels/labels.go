package labels

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Labels are the fixed words a document prints, in one language.
type Labels struct {
	Lang string `json:"lang"`
	// Recommendation is "Recommendation %d of %d".
	Recommendation string `json:"recommendation"`
	// RecommendationShort is "Recommendation %d", for contents and bookmarks.
	RecommendationShort string `json:"recommendation_short"`
	// Page is "Page %d of %d".
	Page string `json:"page"`
	// AtAGlance heads the pack cover's list of recommendations with their
	// pages (the pack's contents).
	AtAGlance       string `json:"at_a_glance"`
	KeyFigures      string `json:"key_figures"`
	Context         string `json:"context"`
	Quotes          string `json:"quotes"`
	Recommendations string `json:"recommendations"`
	Asks            string `json:"asks"`
	About           string `json:"about"`
	Contact         string `json:"contact"`
	Source          string `json:"source"`
	Website         string `json:"website"`
	PreparedFor     string `json:"prepared_for"`
	Date            string `json:"date"`
	// Sources heads a source line that names more than one source.
	Sources string `json:"sources"`
	// ScanForSource sits beside a QR code that leads to the statement's
	// own page.
	ScanForSource string `json:"scan_for_source"`
	// Site sits beside a QR code that leads to the organisation's website:
	// a format taking the site's host name and the organisation's name
	// ("drc.ngo – Danish Refugee Council").
	Site string `json:"site"`
	// Pack is the pack's document type, printed on its cover, when the
	// audience names none of its own ("Briefing pack").
	Pack string `json:"pack"`
	// Brief is the brief's document type ("Policy brief").
	Brief string `json:"brief"`
	// Unofficial is printed on working translations whose data gives no note.
	Unofficial string `json:"unofficial"`
	// EmailSubject is an email draft's subject when the audience gives
	// none: a format taking the pack's name and the statement's title.
	// Neither is printed in a document (print:"no"), so neither is in
	// LabelText: a mail program draws them.
	EmailSubject string `json:"email_subject" print:"no"`
	// EmailNote is an email draft's cover note when the audience gives
	// none: a format taking the statement's title.
	EmailNote string `json:"email_note" print:"no"`

	months [12]string
	// dateFormat is a fmt format taking day, month name, year.
	dateFormat string
}

// RecOf returns "Recommendation n of total".
func (l Labels) RecOf(n, total int) string { return fmt.Sprintf(l.Recommendation, n, total) }

// RecN returns "Recommendation n".
func (l Labels) RecN(n int) string { return fmt.Sprintf(l.RecommendationShort, n) }

// PageOf returns "Page n of total".
func (l Labels) PageOf(n, total int) string { return fmt.Sprintf(l.Page, n, total) }

// FormatDate writes t as a long date in the labels' language: "21 June 2024",
// "21 de junio de 2024".
func (l Labels) FormatDate(t time.Time) string {
	return fmt.Sprintf(l.dateFormat, t.Day(), l.months[t.Month()-1], t.Year())
}

var labels = map[string]Labels{
	"en": {
		Lang:                "en",
		Recommendation:      "Recommendation %d of %d",
		RecommendationShort: "Recommendation %d",
		Page:                "Page %d of %d",
		AtAGlance:           "At a glance",
		KeyFigures:          "Key figures",
		Context:             "Context",
		Quotes:              "In their words",
		Recommendations:     "Recommendations",
		Asks:                "We ask",
		About:               "About this statement",
		Contact:             "Contact",
		Source:              "Source",
		Website:             "Website",
		PreparedFor:         "Prepared for",
		Date:                "Date",
		Sources:             "Sources",
		ScanForSource:       "Scan to read the full statement",
		Site:                "%s – %s",
		Pack:                "Briefing pack",
		Brief:               "Policy brief",
		Unofficial:          "Unofficial translation",
		EmailSubject:        "%s: %s",
		EmailNote:           "Dear colleagues,\n\nPlease find attached our briefing documents on “%s”.\n\nWith best regards,",
		months:              [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		dateFormat:          "%d %s %d",
	},
	"es": {
		Lang:                "es",
		Recommendation:      "Recomendación %d de %d",
		RecommendationShort: "Recomendación %d",
		Page:                "Página %d de %d",
		AtAGlance:           "En resumen",
		KeyFigures:          "Cifras clave",
		Context:             "Contexto",
		Quotes:              "En sus palabras",
		Recommendations:     "Recomendaciones",
		Asks:                "Pedimos",
		About:               "Sobre esta declaración",
		Contact:             "Contacto",
		Source:              "Fuente",
		Website:             "Sitio web",
		PreparedFor:         "Preparado para",
		Date:                "Fecha",
		Sources:             "Fuentes",
		ScanForSource:       "Escanee para leer la declaración completa",
		Site:                "%s – %s",
		Pack:                "Dosier informativo",
		Brief:               "Nota informativa",
		Unofficial:          "Traducción no oficial",
		EmailSubject:        "%s: %s",
		EmailNote:           "Estimadas y estimados colegas:\n\nAdjuntamos nuestros documentos informativos sobre «%s».\n\nUn cordial saludo,",
		months:              [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		dateFormat:          "%d de %s de %d",
	},
	"pt": {
		Lang:                "pt",
		Recommendation:      "Recomendação %d de %d",
		RecommendationShort: "Recomendação %d",
		Page:                "Página %d de %d",
		AtAGlance:           "Em resumo",
		KeyFigures:          "Números-chave",
		Context:             "Contexto",
		Quotes:              "Nas suas palavras",
		Recommendations:     "Recomendações",
		Asks:                "Pedimos",
		About:               "Sobre esta declaração",
		Contact:             "Contato",
		Source:              "Fonte",
		Website:             "Site",
		PreparedFor:         "Preparado para",
		Date:                "Data",
		Sources:             "Fontes",
		ScanForSource:       "Digitalize para ler a declaração completa",
		Site:                "%s – %s",
		Pack:                "Dossiê informativo",
		Brief:               "Nota informativa",
		Unofficial:          "Tradução não oficial",
		EmailSubject:        "%s: %s",
		EmailNote:           "Prezadas e prezados colegas,\n\nEnviamos em anexo os nossos documentos informativos sobre «%s».\n\nCom os melhores cumprimentos,",
		months:              [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		dateFormat:          "%d de %s de %d",
	},
	"fr": {
		Lang:                "fr",
		Recommendation:      "Recommandation %d sur %d",
		RecommendationShort: "Recommandation %d",
		Page:                "Page %d sur %d",
		AtAGlance:           "En bref",
		KeyFigures:          "Chiffres clés",
		Context:             "Contexte",
		Quotes:              "Dans leurs mots",
		Recommendations:     "Recommandations",
		Asks:                "Nous demandons",
		About:               "À propos de cette déclaration",
		Contact:             "Contact",
		Source:              "Source",
		Website:             "Site web",
		PreparedFor:         "Préparé pour",
		Date:                "Date",
		Sources:             "Sources",
		ScanForSource:       "Scannez pour lire la déclaration complète",
		Site:                "%s – %s",
		Pack:                "Dossier d'information",
		Brief:               "Note de synthèse",
		Unofficial:          "Traduction non officielle",
		EmailSubject:        "%s : %s",
		EmailNote:           "Chères et chers collègues,\n\nVeuillez trouver ci-joint nos documents d'information sur « %s ».\n\nBien cordialement,",
		months:              [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		dateFormat:          "%d %s %d",
	},
}

// LabelsFor returns the labels for a language code and whether the language
// has its own table; unknown languages get English.
func LabelsFor(lang string) (Labels, bool) {
	l, ok := labels[lang]
	if !ok {
		return labels["en"], false
	}
	return l, true
}

// LabelLanguages lists the languages that have a label table, sorted.
func LabelLanguages() []string {
	out := make([]string, 0, len(labels))
	for k := range labels {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// LabelText is every fixed word documents in lang print: headings, labels
// and month names (not the words of email drafts, which no document
// prints).
func LabelText(lang string) string {
	l, _ := LabelsFor(lang)
	var b strings.Builder
	walkLabels(reflect.ValueOf(l), &b)
	for _, m := range l.months {
		b.WriteString(m)
	}
	b.WriteString(l.dateFormat)
	return b.String()
}

func walkLabels(v reflect.Value, b *strings.Builder) {
	for i := 0; i < v.NumField(); i++ {
		sf := v.Type().Field(i)
		if f := v.Field(i); f.Kind() == reflect.String && sf.IsExported() && sf.Tag.Get("print") != "no" {
			b.WriteString(f.String())
		}
	}
}

// SiteOf returns the label of a QR code that leads to a website: its host
// name and the organisation's name ("drc.ngo – Danish Refugee Council"),
// or the host alone when the name is empty.
func (l Labels) SiteOf(host, name string) string {
	if name == "" {
		return host
	}
	return fmt.Sprintf(l.Site, host, name)
}
