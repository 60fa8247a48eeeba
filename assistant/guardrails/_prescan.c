/* Direct scans that replace three regular expressions the check runs on every draft: the clause breaks
   (`clauses._CLAUSE_BREAK`), the spelled-out "at" of an email address (`rules/forms._AT_WORD`) and the money
   hints (`money._PERCENT_HINT`, `money._AMOUNT_HINT`, `money._MINOR_HINT`) tested on each digit window, the
   quoted labels (`clauses._QUOTED`); the draft's word count
   (`len(text.split())`, which builds a list of every word only to count it); and the five substring tests of
   `sentences._may_chain`.

   Why C: each regex is tried at many positions of a 1-kB draft (the "at" and the hints have no literal first
   character Python's engine can skip ahead to, the clause breaks return one match object per comma), about
   70,000 instructions per draft for the three under callgrind; a loop over the string's code units does the
   same in a few thousand. The Python patterns stay the source of truth and the fallback (`clauses._breaks_py`,
   `forms._at_word_py`, `money._hinted_py`); these return exactly what they return
   (tests/test_guardrails_native.py compares both on every eval text and on random text). Built and loaded
   with `_scan.c` (see native.py). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} view;

static int str_view(PyObject *arg, const char *name, view *v) {
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str", name);
        return -1;
    }
    if (PyUnicode_READY(arg) < 0) {
        return -1;
    }
    v->kind = PyUnicode_KIND(arg);
    v->data = PyUnicode_DATA(arg);
    v->n = PyUnicode_GET_LENGTH(arg);
    return 0;
}

#define AT(v, i) PyUnicode_READ((v)->kind, (v)->data, (i))

static inline int is_ascii_digit(Py_UCS4 c) {
    return c >= '0' && c <= '9';
}

/* Python's `\w` in a str pattern (what `\b` tests). */
/* A character that goes on a Latin word: a currency word before "を" ("5,000 JPYを") still ends there. */
static inline int is_word_char(Py_UCS4 c) {
    return c == '_' || (c < 128 && Py_UNICODE_ISALNUM(c));
}

/* Whether the ASCII `word` stands at `i` and ends at or before `end`. */
static int ascii_at(const view *v, Py_ssize_t i, Py_ssize_t end, const char *word) {
    for (; *word; word++, i++) {
        if (i >= end || AT(v, i) != (Py_UCS4)(unsigned char)*word) {
            return 0;
        }
    }
    return 1;
}

/* clause_breaks(text) -> [int]: `m.end()` of every `_CLAUSE_BREAK` match,
   `[,:;(\u2014\u3001](?:(?<=[;(\u2014\u3001])|(?<![0-9][,:])|(?![0-9]))`: each of ; ( — 、 and each , or : that
   does not stand between two digits ("1,800", "10:30"). */
static PyObject *clause_breaks(PyObject *self, PyObject *arg) {
    view v;
    if (str_view(arg, "clause_breaks", &v) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < v.n; i++) {
        Py_UCS4 c = AT(&v, i);
        int found;
        if (c == ',' || c == ':') {
            found = i == 0 || !is_ascii_digit(AT(&v, i - 1)) || i + 1 >= v.n || !is_ascii_digit(AT(&v, i + 1));
        } else {
            found = c == ';' || c == '(' || c == 0x2014 || c == 0x3001;
        }
        if (found) {
            PyObject *end = PyLong_FromSsize_t(i + 1);
            if (end == NULL || PyList_Append(out, end) < 0) {
                Py_XDECREF(end);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(end);
        }
    }
    return out;
}

/* has_at_word(text) -> bool: whether `_AT_WORD` matches: "at", "arroba", "arobase", "chiocciola" or
   "klammeraffe" after a whitespace character or an opening bracket ( [ {, and before a whitespace character or
   a closing bracket ) ] } (the pattern's optional `\s` before that closing character adds no match: a
   whitespace character is itself one). */
static PyObject *has_at_word(PyObject *self, PyObject *arg) {
    static const char *words[] = {"at", "arroba", "arobase", "chiocciola", "klammeraffe"};
    view v;
    if (str_view(arg, "has_at_word", &v) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 1; i < v.n; i++) {
        Py_UCS4 c = AT(&v, i);
        if (c != 'a' && c != 'c' && c != 'k') {
            continue;
        }
        Py_UCS4 before = AT(&v, i - 1);
        if (!(Py_UNICODE_ISSPACE(before) || before == '(' || before == '[' || before == '{')) {
            continue;
        }
        for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
            Py_ssize_t j = i + (Py_ssize_t)strlen(words[w]);
            if (ascii_at(&v, i, v.n, words[w]) && j < v.n) {
                Py_UCS4 after = AT(&v, j);
                if (Py_UNICODE_ISSPACE(after) || after == ')' || after == ']' || after == '}') {
                    Py_RETURN_TRUE;
                }
            }
        }
    }
    Py_RETURN_FALSE;
}

/* Whether `_PERCENT_HINT`, `[%割]|p(?:er|ct|rozent|our|or)|ハーセント`, matches inside text[a:b] (the folded
   text, where the voiced パ of パーセント reads ハ). */
static int percent_hint(const view *v, Py_ssize_t a, Py_ssize_t b) {
    static const char *tails[] = {"er", "ct", "rozent", "our", "or"};
    static const Py_UCS4 katakana[] = {0x30CF, 0x30FC, 0x30BB, 0x30F3, 0x30C8};  /* ハーセント, folded */
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = AT(v, i);
        if (c == '%' || c == 0x5272) {  /* 割 */
            return 1;
        }
        if (c == 'p') {
            for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
                if (ascii_at(v, i + 1, b, tails[t])) {
                    return 1;
                }
            }
        } else if (c == katakana[0] && i + 5 <= b) {
            int k = 1;
            while (k < 5 && AT(v, i + k) == katakana[k]) {
                k++;
            }
            if (k == 5) {
                return 1;
            }
        }
    }
    return 0;
}

/* Whether `_AMOUNT_HINT` matches inside text[a:b] (where `b` ends the words): a currency sign, or a currency
   word ("dollars?", "euros?", "pounds?", "rupees?" with an optional s) followed by no Latin letter or digit, or an
   ISO code followed by a digit. */
static int amount_hint(const view *v, Py_ssize_t a, Py_ssize_t b) {
    static const char *words[] = {"usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "inr", "rs", "dollar", "bucks",
                                  "euro", "pound", "quid", "sterling", "yen", "rupee"};
    static const char plural[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1};  /* takes `s?` */
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = AT(v, i);
        if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0xFFE5 || c == 0x20B9 || c == 0x5186) {
            return 1;  /* $ € £ ¥ ￥ ₹ 円 */
        }
        if (c < 'a' || c > 'y') {
            continue;
        }
        for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
            /* the first letter inline: most letters open no currency word */
            if (c != (Py_UCS4)(unsigned char)words[w][0] || !ascii_at(v, i, b, words[w])) {
                continue;
            }
            Py_ssize_t j = i + (Py_ssize_t)strlen(words[w]);
            /* the word's end after its last letter: the window's end or no Latin word character; with `s?`, also
               after one more "s"; an ISO code (the first nine words) may touch its number ("usd19.99") */
            if (j >= b || !is_word_char(AT(v, j)) || (w < 9 && AT(v, j) >= '0' && AT(v, j) <= '9')) {
                return 1;
            }
            if (plural[w] && AT(v, j) == 's' && (j + 1 >= b || !is_word_char(AT(v, j + 1)))) {
                return 1;
            }
        }
    }
    return 0;
}

/* money_hints(text, windows) -> (percent windows, amount windows): the windows (a, b) of `windows`, in order,
   inside which `_PERCENT_HINT` and `_AMOUNT_HINT` match (`pattern.search(text, a, b) is not None`). */
static PyObject *money_hints(PyObject *self, PyObject *args) {
    PyObject *text, *windows;
    view v;
    if (!PyArg_ParseTuple(args, "UO!:money_hints", &text, &PyList_Type, &windows)
        || str_view(text, "money_hints", &v) < 0) {
        return NULL;
    }
    PyObject *percent = PyList_New(0), *amount = PyList_New(0);
    if (percent == NULL || amount == NULL) {
        goto fail;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(windows); k++) {
        PyObject *window = PyList_GET_ITEM(windows, k);
        Py_ssize_t a, b;
        if (!PyTuple_Check(window) || !PyArg_ParseTuple(window, "nn:money_hints", &a, &b)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "money_hints(): windows must be (start, end) tuples");
            }
            goto fail;
        }
        /* slice bounds as Python clamps them */
        a = a < 0 ? 0 : (a > v.n ? v.n : a);
        b = b < a ? a : (b > v.n ? v.n : b);
        if ((percent_hint(&v, a, b) && PyList_Append(percent, window) < 0)
            || (amount_hint(&v, a, b) && PyList_Append(amount, window) < 0)) {
            goto fail;
        }
    }
    PyObject *out = PyTuple_Pack(2, percent, amount);
    Py_DECREF(percent);
    Py_DECREF(amount);
    return out;
fail:
    Py_XDECREF(percent);
    Py_XDECREF(amount);
    return NULL;
}

/* minor_hints(text, windows) -> [window]: the windows (a, b) of `windows`, in order, inside which `_MINOR_HINT`,
   `\d\s?[pc]`, matches (`pattern.search(text, a, b) is not None`): a digit, maybe a whitespace character, then the
   first letter of every minor unit `money._MINOR` reads (pence, cents, centimes, centimos, centesimi, ct, p). */
static PyObject *minor_hints(PyObject *self, PyObject *args) {
    PyObject *text, *windows;
    view v;
    if (!PyArg_ParseTuple(args, "UO!:minor_hints", &text, &PyList_Type, &windows)
        || str_view(text, "minor_hints", &v) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(windows); k++) {
        PyObject *window = PyList_GET_ITEM(windows, k);
        Py_ssize_t a, b;
        if (!PyTuple_Check(window) || !PyArg_ParseTuple(window, "nn:minor_hints", &a, &b)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "minor_hints(): windows must be (start, end) tuples");
            }
            Py_DECREF(out);
            return NULL;
        }
        /* slice bounds as Python clamps them */
        a = a < 0 ? 0 : (a > v.n ? v.n : a);
        b = b < a ? a : (b > v.n ? v.n : b);
        for (Py_ssize_t i = a; i + 1 < b; i++) {
            if (!Py_UNICODE_ISDECIMAL(AT(&v, i))) {
                continue;
            }
            Py_ssize_t j = i + 1;
            if (Py_UNICODE_ISSPACE(AT(&v, j)) && j + 1 < b) {
                j++;
            }
            Py_UCS4 c = AT(&v, j);
            if (c == 'p' || c == 'c') {
                if (PyList_Append(out, window) < 0) {
                    Py_DECREF(out);
                    return NULL;
                }
                break;
            }
        }
    }
    return out;
}

/* The end of a quoted label opening at `i` with `open` and closing with `close`: at most `most` and at least
   `least` characters, none of them the closing mark or a line break, then the closing mark; -1 when there is none.
   (The pattern's greedy run cannot hold its closing mark, so backing off never finds a shorter match.) */
static Py_ssize_t label_end(const view *v, Py_ssize_t i, Py_UCS4 close, Py_ssize_t least, Py_ssize_t most) {
    Py_ssize_t j = i + 1;
    while (j < v->n && j - (i + 1) < most) {
        Py_UCS4 c = AT(v, j);
        if (c == close || c == '\n') {
            break;
        }
        j++;
    }
    if (j - (i + 1) < least || j >= v->n || AT(v, j) != close) {
        return -1;
    }
    return j + 1;
}

static inline int is_ascii_alnum(Py_UCS4 c) {
    return (c >= 'a' && c <= 'z') || is_ascii_digit(c);
}

/* quoted_spans(text) -> [(a, b)]: the spans of every `clauses._QUOTED` match, in order, without overlaps:
   '...' (2-50 characters, the opening mark not after a letter or digit, the closing one not before one),
   "..." «...» „...“ (2-60 characters) and 「...」 (1-30), none crossing a line break. */
static PyObject *quoted_spans(PyObject *self, PyObject *arg) {
    view v;
    if (str_view(arg, "quoted_spans", &v) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < v.n) {
        Py_UCS4 c = AT(&v, i);
        Py_ssize_t end = -1;
        if (c == '\'') {
            if (i == 0 || !is_ascii_alnum(AT(&v, i - 1))) {
                end = label_end(&v, i, '\'', 2, 50);
                if (end != -1 && end < v.n && is_ascii_alnum(AT(&v, end))) {
                    end = -1;
                }
            }
        } else if (c == '"') {
            end = label_end(&v, i, '"', 2, 60);
        } else if (c == 0xAB) {  /* « » */
            end = label_end(&v, i, 0xBB, 2, 60);
        } else if (c == 0x201E) {  /* „ “ */
            end = label_end(&v, i, 0x201C, 2, 60);
        } else if (c == 0x300C) {  /* 「 」 */
            end = label_end(&v, i, 0x300D, 1, 30);
        }
        if (end == -1) {
            i++;
            continue;
        }
        PyObject *a = PyLong_FromSsize_t(i), *b = PyLong_FromSsize_t(end);
        PyObject *span = (a != NULL && b != NULL) ? PyTuple_Pack(2, a, b) : NULL;
        Py_XDECREF(a);
        Py_XDECREF(b);
        if (span == NULL || PyList_Append(out, span) < 0) {
            Py_XDECREF(span);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(span);
        i = end;
    }
    return out;
}

/* count_words(text) -> int: `len(text.split())`, the runs of non-whitespace characters, without building the list. */
static PyObject *count_words(PyObject *self, PyObject *arg) {
    view v;
    if (str_view(arg, "count_words", &v) < 0) {
        return NULL;
    }
    Py_ssize_t count = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < v.n; i++) {
        int space = Py_UNICODE_ISSPACE(AT(&v, i));
        count += !space && !in_word;
        in_word = !space;
    }
    return PyLong_FromSsize_t(count);
}

/* may_chain(text) -> bool: `any(m in text for m in sentences._SECOND)`, whether " 2) ", " 2. ", "(2) ", " b) " or
   " b. " stands in the text: one pass that stops at the ") " or ". " of a candidate, where five substring
   searches read a 1-kB draft five times (about 40,000 instructions per check). */
static PyObject *may_chain(PyObject *self, PyObject *arg) {
    view v;
    if (str_view(arg, "may_chain", &v) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 2; i + 1 < v.n; i++) {
        Py_UCS4 c = AT(&v, i);
        if ((c != ')' && c != '.') || AT(&v, i + 1) != ' ') {
            continue;
        }
        Py_UCS4 label = AT(&v, i - 1), before = AT(&v, i - 2);
        if ((label == '2' || label == 'b') && (before == ' ' || (before == '(' && label == '2' && c == ')'))) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyMethodDef methods[] = {
    {"clause_breaks", clause_breaks, METH_O, "Ends of the clause breaks of a folded text (clauses._CLAUSE_BREAK)."},
    {"has_at_word", has_at_word, METH_O, "Whether a spelled-out 'at' stands in a text (rules/forms._AT_WORD)."},
    {"quoted_spans", quoted_spans, METH_O, "Spans of the short quoted labels of a text (clauses._QUOTED)."},
    {"count_words", count_words, METH_O, "len(text.split()), without the list."},
    {"money_hints", money_hints, METH_VARARGS, "The digit windows holding a percent and a currency hint."},
    {"minor_hints", minor_hints, METH_VARARGS, "The digit windows where a minor unit may follow a digit."},
    {"may_chain", may_chain, METH_O, "Whether an inline list marker could go on a chain (sentences._may_chain)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_prescan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__prescan(void) {
    return PyModule_Create(&module);
}
