// SPDX-License-Identifier: GPL-2.0-only
/* printf-style formatting to a callback; see <fv/fmt.h>. */
#include <fv/fmt.h>

enum {
	F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16,
};

struct spec {
	unsigned flags;
	int width;
	int prec;	/* -1: none */
};

struct sink {
	fmt_out_t out;
	void *arg;
	int n;
};

static void put(struct sink *s, char c)
{
	s->out(c, s->arg);
	s->n++;
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

static void emit_str(struct sink *s, const struct spec *sp, const char *str)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while (str[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!(sp->flags & F_LEFT))
		pad(s, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(s, str[i]);
	if (sp->flags & F_LEFT)
		pad(s, ' ', sp->width - len);
}

static void emit_num(struct sink *s, const struct spec *sp, uint64_t v,
		     bool neg, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	const char *prefix = "";
	int len = 0, plen, zeros, total;

	do {
		buf[len++] = digits[v % base];
		v /= base;
	} while (v);
	if (sp->prec == 0 && len == 1 && buf[0] == '0')
		len = 0;	/* "%.0d" of 0 prints nothing */

	if (neg)
		prefix = "-";
	else if (sp->flags & F_PLUS)
		prefix = "+";
	else if (sp->flags & F_SPACE)
		prefix = " ";
	else if ((sp->flags & F_ALT) && base == 16)
		prefix = upper ? "0X" : "0x";
	else if ((sp->flags & F_ALT) && base == 8 && (len == 0 || buf[len - 1] != '0'))
		prefix = "0";
	for (plen = 0; prefix[plen]; plen++)
		;

	zeros = sp->prec > len ? sp->prec - len : 0;
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0 &&
	    sp->width > plen + len)
		zeros = sp->width - plen - len;
	total = plen + zeros + len;

	if (!(sp->flags & F_LEFT))
		pad(s, ' ', sp->width - total);
	for (int i = 0; i < plen; i++)
		put(s, prefix[i]);
	pad(s, '0', zeros);
	while (len)
		put(s, buf[--len]);
	if (sp->flags & F_LEFT)
		pad(s, ' ', sp->width - total);
}

int fmt_vformat(fmt_out_t out, void *arg, const char *fmt, va_list ap)
{
	struct sink s = { out, arg, 0 };

	for (; *fmt; fmt++) {
		struct spec sp = { 0, 0, -1 };
		int lng = 0;	/* -2 hh, -1 h, 0 int, 1 long, 2 long long */
		uint64_t u;
		int64_t v;

		if (*fmt != '%') {
			put(&s, *fmt);
			continue;
		}
		for (;;) {
			switch (*++fmt) {
			case '-': sp.flags |= F_LEFT; continue;
			case '0': sp.flags |= F_ZERO; continue;
			case '+': sp.flags |= F_PLUS; continue;
			case ' ': sp.flags |= F_SPACE; continue;
			case '#': sp.flags |= F_ALT; continue;
			}
			break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= F_LEFT;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			sp.prec = 0;
			if (*++fmt == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h')
				lng--;
			else if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j')
				lng = 2;	/* 64-bit on every target we build for */
			else
				break;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			if (lng >= 2)
				v = va_arg(ap, long long);	/* NOLINT(bugprone-branch-clone): types differ */
			else if (lng == 1)
				v = va_arg(ap, long);
			else
				v = va_arg(ap, int);
			if (lng == -1)
				v = (short)v;
			else if (lng <= -2)
				v = (signed char)v;	/* NOLINT(bugprone-signed-char-misuse,cert-str34-c): %hhd */
			emit_num(&s, &sp, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, false);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 2)
				u = va_arg(ap, unsigned long long);	/* NOLINT(bugprone-branch-clone): types differ */
			else if (lng == 1)
				u = va_arg(ap, unsigned long);
			else
				u = va_arg(ap, unsigned int);
			if (lng == -1)
				u = (unsigned short)u;
			else if (lng <= -2)
				u = (unsigned char)u;
			emit_num(&s, &sp, u, false,
				 *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X');
			break;
		case 'p':
			sp.flags |= F_ALT;
			emit_num(&s, &sp, (uintptr_t)va_arg(ap, void *), false, 16, false);
			break;
		case 's':
			emit_str(&s, &sp, va_arg(ap, const char *));
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), 0 };

			sp.prec = 1;
			if (!c[0]) {	/* a NUL character is still one character */
				if (!(sp.flags & F_LEFT))
					pad(&s, ' ', sp.width - 1);
				put(&s, 0);
				if (sp.flags & F_LEFT)
					pad(&s, ' ', sp.width - 1);
			} else {
				emit_str(&s, &sp, c);
			}
			break;
		}
		case '%':
			put(&s, '%');
			break;
		case '\0':
			return s.n;	/* lone '%' at the end */
		default:	/* unknown conversion: print it verbatim */
			put(&s, '%');
			put(&s, *fmt);
			break;
		}
	}
	return s.n;
}

struct buf {
	char *p;
	size_t left;
};

static void buf_out(char c, void *arg)
{
	struct buf *b = arg;

	if (b->left > 1) {
		*b->p++ = c;
		b->left--;
	}
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf b = { buf, size };
	int n = fmt_vformat(buf_out, &b, fmt, ap);

	if (size)
		*b.p = '\0';
	return n;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
