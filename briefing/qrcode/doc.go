// Package qrcode encodes a web address as a QR code's module matrix: the
// one encoding of a document's source address, made by package compose and
// carried by the document model (doc.SourceBlock.QR) and the layout's QR
// box, which the PDF and DOCX exporters only draw.
package qrcode
