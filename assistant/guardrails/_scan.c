/* Scans of a draft's text in C: tokens and their word classes (`text.py`), money's digit windows (`money.py`),
   the whitespace runs a fold collapses (`normalize.py`) and the places a sentence may end (`sentences.py`).

   The Python functions stay the source of truth and the fallback (`text._split_tokens_py`,
   `text._classes_py`, `money._windows_py`, `normalize._whitespace_runs_py`, `sentences._bounds_py`); these
   return exactly what they return (tests/test_guardrails_native.py compares both on every eval draft and on
   generated text). Built by `python -m assistant.guardrails.native build` next to the mypyc modules and loaded
   only while it matches its source (see native.py).

   Why C here: each is one pass over the characters or tokens, and in Python each goes through the regular
   expression engine (`re.split` tries a match at every gap; the digit pattern at every position) or generic
   dict and list operations per token (which mypyc leaves generic), then builds lists of pieces and offsets;
   a direct loop over the string's code units or the token list does neither. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* `str.isdecimal` of one character (Python's `\d`), ASCII answered inline: the library call costs more than the
   rest of a scan's per-character work, and nearly every character of a draft is ASCII. */
static inline int is_decimal(Py_UCS4 c) {
    return c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c);
}

static inline int is_token_char(Py_UCS4 c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Python's `\w` in a str pattern: an alphanumeric character or the underscore (what `\b` tests). */
static inline int is_word_char(Py_UCS4 c) {
    return c == '_' || Py_UNICODE_ISALNUM(c);
}

/* Each scan's loop is written once, as an always-inlined function of the string's kind, and each scan calls it
   twice: with the constant 1-byte kind (nearly every draft, where the compiler drops the switch `PyUnicode_READ`
   makes per character) and with the kind as found. */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE static inline
#endif

/* The prologue of every function taking one str: its code units' kind, data and length; -1 (TypeError) otherwise. */
static int str_view(PyObject *arg, const char *name, int *kind, const void **data, Py_ssize_t *n) {
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str", name);
        return -1;
    }
    if (PyUnicode_READY(arg) < 0) {
        return -1;
    }
    *kind = PyUnicode_KIND(arg);
    *data = PyUnicode_DATA(arg);
    *n = PyUnicode_GET_LENGTH(arg);
    return 0;
}

/* Offsets as ints, the ones below `INT_CACHE` kept once made: past 256 (CPython's own small ints) every
   `PyLong_FromSsize_t` allocates, and a 1-kB draft's token offsets, spans and sentence bounds need a thousand of
   them per check, each freed again with the draft. An int is immutable, so a shared one is the same value. */
#define INT_CACHE 16384
static PyObject *int_cache[INT_CACHE];

static PyObject *new_int(Py_ssize_t value) {
    if (value < 0 || value >= INT_CACHE) {
        return PyLong_FromSsize_t(value);
    }
    PyObject *item = int_cache[value];
    if (item == NULL) {
        item = int_cache[value] = PyLong_FromSsize_t(value);
        if (item == NULL) {
            return NULL;
        }
    }
    Py_INCREF(item);
    return item;
}

/* Token strings made once per process: a table of the words seen (up to `WORD_MAX` characters), found by a
   cheap hash of the characters as the scan reads them. A known word costs neither a new str nor CPython's
   SipHash on its first dict lookup (the table's copy carries its hash, computed once): the word-class cache
   lookup per token in `classify` was most of that function's cost. The table is emptied when half full, so junk
   text cannot grow it without end; a word still held by a draft stays alive through its own reference. Only
   ever touched with the GIL held, and nothing in it runs Python code. */
#define WORD_MAX 40
#define WORD_BITS 15
#define WORD_SLOTS (1 << WORD_BITS)
typedef struct {
    uint64_t key;  /* the FNV-1a hash of the characters (0: empty slot) */
    PyObject *word;
} word_slot;
static word_slot word_table[WORD_SLOTS];
static Py_ssize_t word_count = 0;

static void word_table_clear(void) {
    for (Py_ssize_t i = 0; i < WORD_SLOTS; i++) {
        Py_CLEAR(word_table[i].word);
        word_table[i].key = 0;
    }
    word_count = 0;
}

/* text[start:end] as a str (a new reference): the table's copy when known, else a new one added to it. Token
   characters are ASCII ([a-z0-9'], see `split_tokens`), whatever the text's kind. */
ALWAYS_INLINE PyObject *word_of(PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t len = end - start;
    if (len > WORD_MAX) {
        return PyUnicode_Substring(text, start, end);
    }
    uint64_t key = 14695981039346656037ULL;
    for (Py_ssize_t i = start; i < end; i++) {
        key = (key ^ PyUnicode_READ(kind, data, i)) * 1099511628211ULL;
    }
    key |= 1;  /* never 0, the empty slot's mark */
    size_t slot = (size_t)(key ^ (key >> 29)) & (WORD_SLOTS - 1);
    for (;;) {
        word_slot *entry = &word_table[slot];
        if (entry->key == 0) {
            break;
        }
        if (entry->key == key && PyUnicode_GET_LENGTH(entry->word) == len) {
            const Py_UCS1 *have = PyUnicode_1BYTE_DATA(entry->word);
            Py_ssize_t i = 0;
            while (i < len && have[i] == PyUnicode_READ(kind, data, start + i)) {
                i++;
            }
            if (i == len) {
                Py_INCREF(entry->word);
                return entry->word;
            }
        }
        slot = (slot + 1) & (WORD_SLOTS - 1);
    }
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (word == NULL || !PyUnicode_IS_ASCII(word)) {
        return word;  /* (not reached for tokens: their characters are ASCII) */
    }
    if (PyObject_Hash(word) == -1) {
        Py_DECREF(word);
        return NULL;
    }
    if (word_count >= WORD_SLOTS / 2) {  /* emptied, then this word is the first of the new fill */
        word_table_clear();
        slot = (size_t)(key ^ (key >> 29)) & (WORD_SLOTS - 1);
    }
    Py_INCREF(word);
    word_table[slot].key = key;
    word_table[slot].word = word;
    word_count++;
    return word;
}

static int append_long(PyObject *list, Py_ssize_t value) {
    PyObject *item = new_int(value);
    if (item == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* split_tokens(text) -> (words, starts, ends): every match of `[a-z0-9]+(?:'(?:t|s|ll|re|ve|d|m)\b)?`, in
   order, as `text._TOKEN_SPLIT.split` finds them (a match ends where the pattern's would: the run of letters
   and digits, then a contraction only when a non-word character or the end follows it). */
ALWAYS_INLINE PyObject *split_tokens_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    PyObject *words = PyList_New(0), *starts = PyList_New(0), *ends = PyList_New(0);
    if (words == NULL || starts == NULL || ends == NULL) {
        goto fail;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_token_char(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && is_token_char(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (i + 1 < n && PyUnicode_READ(kind, data, i) == '\'') {
            Py_UCS4 c1 = PyUnicode_READ(kind, data, i + 1);
            Py_UCS4 c2 = i + 2 < n ? PyUnicode_READ(kind, data, i + 2) : 0;
            Py_ssize_t tail = 0;  /* characters after the apostrophe: t, s, ll, re, ve, d, m */
            if (c1 == 't' || c1 == 's' || c1 == 'd' || c1 == 'm') {
                tail = 1;
            } else if ((c1 == 'l' && c2 == 'l') || ((c1 == 'r' || c1 == 'v') && c2 == 'e')) {
                tail = 2;
            }
            /* `\b` after the contraction's last letter (a word character): the end, or a non-word character */
            if (tail && (i + 1 + tail >= n || !is_word_char(PyUnicode_READ(kind, data, i + 1 + tail)))) {
                i += 1 + tail;
            }
        }
        PyObject *word = word_of(arg, kind, data, start, i);
        if (word == NULL) {
            goto fail;
        }
        int failed = PyList_Append(words, word);
        Py_DECREF(word);
        if (failed || append_long(starts, start) || append_long(ends, i)) {
            goto fail;
        }
    }
    PyObject *out = PyTuple_Pack(3, words, starts, ends);
    Py_DECREF(words);
    Py_DECREF(starts);
    Py_DECREF(ends);
    return out;
fail:
    Py_XDECREF(words);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    return NULL;
}

static PyObject *split_tokens(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "split_tokens", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? split_tokens_in(arg, PyUnicode_1BYTE_KIND, data, n) : split_tokens_in(arg, kind, data, n);
}

static PyObject *span_tuple(Py_ssize_t a, Py_ssize_t b);

static int append_span(PyObject *list, Py_ssize_t a, Py_ssize_t b) {
    PyObject *span = span_tuple(a, b);
    if (span == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, span);
    Py_DECREF(span);
    return failed;
}

/* digit_windows(text, before, after) -> [(a, b)]: `money._windows`: each run of decimal digits (Python's `\d`,
   i.e. str.isdecimal) widened by `before` and `after` characters, overlapping windows merged, in order. */
ALWAYS_INLINE PyObject *digit_windows_in(int kind, const void *data, Py_ssize_t n, Py_ssize_t before,
                                        Py_ssize_t after) {
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t have = 0, win_a = 0, win_b = 0;  /* the window being grown, flushed when the next one is apart */
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_decimal(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && is_decimal(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t a = start - before > 0 ? start - before : 0;
        Py_ssize_t b = i + after < n ? i + after : n;
        if (have && a <= win_b) {
            win_b = b;
            continue;
        }
        if (have) {
            if (append_span(out, win_a, win_b) < 0) {
                Py_DECREF(out);
                return NULL;
            }
        }
        have = 1;
        win_a = a;
        win_b = b;
    }
    if (have) {
        if (append_span(out, win_a, win_b) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyObject *digit_windows(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t before, after;
    int kind;
    const void *data;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "Unn:digit_windows", &text, &before, &after)
        || str_view(text, "digit_windows", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? digit_windows_in(PyUnicode_1BYTE_KIND, data, n, before, after)
                                        : digit_windows_in(kind, data, n, before, after);
}

/* whitespace_runs(text) -> [(a, b)]: the matches of `normalize._WS_FIX`, `\s(?:\s+|(?<=[^\S\n ]))`: every run of
   two or more whitespace characters, and every single one that is neither a space nor a line break. */
ALWAYS_INLINE PyObject *whitespace_runs_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_ISSPACE(c)) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        if (j - i >= 2 || (c != ' ' && c != '\n')) {
            if (append_span(out, i, j) < 0) {
                Py_DECREF(out);
                return NULL;
            }
        }
        i = j;
    }
    return out;
}

static PyObject *whitespace_runs(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "whitespace_runs", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? whitespace_runs_in(arg, PyUnicode_1BYTE_KIND, data, n) : whitespace_runs_in(arg, kind, data, n);
}

/* sentence_bounds(text) -> [int]: where `sentences._BOUND` matches: one of . ! ? ; : before a whitespace
   character or the end, and every Japanese full stop (。！？) and line break. */
ALWAYS_INLINE PyObject *sentence_bounds_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int found;
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') {
            found = i + 1 >= n || Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i + 1));
        } else {
            found = c == '\n' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
        }
        if (found && append_long(out, i) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyObject *sentence_bounds(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "sentence_bounds", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? sentence_bounds_in(arg, PyUnicode_1BYTE_KIND, data, n) : sentence_bounds_in(arg, kind, data, n);
}

/* first_tokens(starts, cuts) -> [int]: `sentences._first_tokens_py`, `[bisect_right(starts, c - 1) for c in cuts]`,
   as one walk: both lists are sorted (token starts in text order, cuts non-decreasing). A cut smaller than the one
   before it (never made by `split_sentences`) restarts the walk, so the answer is the bisection's whatever the
   order. */
static PyObject *first_tokens(PyObject *self, PyObject *args) {
    PyObject *starts, *cuts;
    if (!PyArg_ParseTuple(args, "O!O!:first_tokens", &PyList_Type, &starts, &PyList_Type, &cuts)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(starts), m = PyList_GET_SIZE(cuts);
    PyObject *out = PyList_New(m);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t t = 0, previous = PY_SSIZE_T_MIN;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t cut = PyLong_AsSsize_t(PyList_GET_ITEM(cuts, k));
        if (cut == -1 && PyErr_Occurred()) {
            goto fail;
        }
        if (cut < previous) {
            t = 0;
        }
        previous = cut;
        while (t < n) {
            Py_ssize_t start = PyLong_AsSsize_t(PyList_GET_ITEM(starts, t));
            if (start == -1 && PyErr_Occurred()) {
                goto fail;
            }
            if (start > cut - 1) {
                break;
            }
            t++;
        }
        PyObject *item = new_int(t);
        if (item == NULL) {
            goto fail;
        }
        PyList_SET_ITEM(out, k, item);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* classify(words, cache, miss, phrases) -> (classes, index, openings): `text._classes_py`. Each word's classes
   from `cache` (a dict), or `miss(word)` when absent (it fills the cache); `index` maps each class to the
   (i, i + 1) spans of its words, classes in first-seen order and each class's words in the frozenset's
   iteration order, as the Python loop builds it; `openings` lists the tokens that may open a phrase: the word
   is a key of `phrases` and the next word, or "*", a key of its entry. */
static PyObject *star_key = NULL;

/* A (a, b) tuple of two ints, built directly (Py_BuildValue parses its format string on every call). */
static PyObject *span_tuple(Py_ssize_t a, Py_ssize_t b) {
    PyObject *span = PyTuple_New(2);
    if (span == NULL) {
        return NULL;
    }
    PyObject *first = new_int(a), *second = new_int(b);
    if (first == NULL || second == NULL) {
        Py_XDECREF(first);
        Py_XDECREF(second);
        Py_DECREF(span);
        return NULL;
    }
    PyTuple_SET_ITEM(span, 0, first);
    PyTuple_SET_ITEM(span, 1, second);
    return span;
}

/* A word's span (i, i + 1), one shared tuple per offset below `INT_CACHE` kept once made, as the ints are: a
   tuple is immutable, so a shared one is the same value, and the index no longer builds and frees one tuple per
   classed token per check (about a tenth of `classify`'s instructions, with the frees). */
static PyObject *unit_cache[INT_CACHE];

static PyObject *unit_span(Py_ssize_t i) {
    if (i < 0 || i >= INT_CACHE) {
        return span_tuple(i, i + 1);
    }
    PyObject *span = unit_cache[i];
    if (span == NULL) {
        span = unit_cache[i] = span_tuple(i, i + 1);
        if (span == NULL) {
            return NULL;
        }
    }
    Py_INCREF(span);
    return span;
}

/* The index's span lists by class object, for one `classify` call. A class name is mostly the same str object
   in every frozenset holding it (the lexicon's), so after its first dict lookup a class is found by its address:
   one dict lookup per token and class was about a fifth of this function's instructions. Equal names held by
   different objects each take one dict lookup and then a slot of their own; past `CLASS_SLOTS / 2` objects
   the dict alone answers. The pointers are borrowed: each class is held by its frozenset, which the call's
   `classes` list holds, and each list by `index`, which no Python code sees before the call returns (a mutable
   set, which Python code could empty, is not given the table: `table` NULL). */
#define CLASS_SLOTS 256
typedef struct {
    PyObject *cls;
    PyObject *spans;
} class_slot;
typedef struct {
    class_slot slots[CLASS_SLOTS];
    int used;
} class_table;

/* Append `span` to index[cls] (a new list when absent). */
static int index_append(PyObject *index, class_table *table, PyObject *cls, PyObject *span) {
    size_t slot = ((size_t)cls >> 4) & (CLASS_SLOTS - 1);  /* (objects are 16-byte aligned) */
    while (table != NULL && table->slots[slot].cls != NULL) {
        if (table->slots[slot].cls == cls) {
            return PyList_Append(table->slots[slot].spans, span);
        }
        slot = (slot + 1) & (CLASS_SLOTS - 1);
    }
    PyObject *spans = PyDict_GetItemWithError(index, cls);
    if (spans != NULL) {
        if (PyList_Append(spans, span) < 0) {
            return -1;
        }
    } else {
        if (PyErr_Occurred()) {
            return -1;
        }
        spans = PyList_New(1);
        if (spans == NULL) {
            return -1;
        }
        Py_INCREF(span);
        PyList_SET_ITEM(spans, 0, span);
        int failed = PyDict_SetItem(index, cls, spans);
        Py_DECREF(spans);  /* (`index` holds it) */
        if (failed < 0) {
            return -1;
        }
    }
    if (table != NULL && table->used < CLASS_SLOTS / 2) {
        table->slots[slot].cls = cls;
        table->slots[slot].spans = spans;
        table->used++;
    }
    return 0;
}

/* Append `span` to index[cls] for every class of `found` (a set or frozenset), in its iteration order. */
static int index_add(PyObject *index, class_table *table, PyObject *found, PyObject *span) {
#if PY_VERSION_HEX < 0x030D0000
    /* the set's own walk: the same order as its iterator, without an iterator object */
    Py_ssize_t pos = 0;
    PyObject *cls;
    Py_hash_t hash;
    while (_PySet_NextEntry(found, &pos, &cls, &hash)) {
        if (index_append(index, table, cls, span) < 0) {
            return -1;
        }
    }
    return 0;
#else
    /* Python 3.13 no longer exports _PySet_NextEntry */
    PyObject *iter = PyObject_GetIter(found);
    if (iter == NULL) {
        return -1;
    }
    PyObject *cls;
    while ((cls = PyIter_Next(iter)) != NULL) {
        int failed = index_append(index, table, cls, span);
        Py_DECREF(cls);
        if (failed < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
#endif
}

/* Each word's dictionary answers kept by the word's address, across checks: its classes (`cache[word]`) and its
   phrase entry (`phrases.get(word)`), each beside the version tag its dict had when read. A dict's version tag
   changes with every change to it and is never given to two states of any dict (CPython 3.11 hands them out from
   one global counter), so an equal tag says the dict is as it was and its value is still the one it holds: the
   answer is reused without a lookup (two dict lookups per token were most of `classify`'s remaining work). The
   words are held (a held object's address is never reused); the table is emptied when half full. Python 3.12
   deprecates the tag and later versions drop it: there every token takes the lookups, as before. Only touched
   with the GIL held; nothing between finding a slot and using it runs Python code. */
#if PY_VERSION_HEX < 0x030C0000
#define WORD_MEMO 1
#define MEMO_SLOTS 8192
typedef struct {
    PyObject *word;
    uint64_t cache_tag;  /* 0: not read (every dict's tag is above 0) */
    PyObject *found;     /* borrowed from the cache dict */
    uint64_t phrases_tag;
    PyObject *by_second; /* borrowed from the phrases dict; NULL when the word is no key of it */
} memo_slot;
static memo_slot memo[MEMO_SLOTS];
static Py_ssize_t memo_used = 0;

static inline uint64_t dict_tag(PyObject *dict) {
    return ((PyDictObject *)dict)->ma_version_tag;
}

/* The slot of `word`: its own, or a new one holding it. */
static memo_slot *memo_slot_of(PyObject *word) {
    size_t slot = ((size_t)word >> 4) & (MEMO_SLOTS - 1);
    while (memo[slot].word != NULL) {
        if (memo[slot].word == word) {
            return &memo[slot];
        }
        slot = (slot + 1) & (MEMO_SLOTS - 1);
    }
    if (memo_used >= MEMO_SLOTS / 2) {
        for (Py_ssize_t i = 0; i < MEMO_SLOTS; i++) {
            PyObject *held = memo[i].word;
            memset(&memo[i], 0, sizeof memo[i]);
            Py_XDECREF(held);  /* (a str's release runs no Python code) */
        }
        memo_used = 0;
        slot = ((size_t)word >> 4) & (MEMO_SLOTS - 1);
    }
    Py_INCREF(word);
    memo[slot].word = word;
    memo_used++;
    return &memo[slot];
}
#endif

static PyObject *classify(PyObject *self, PyObject *args) {
    PyObject *words, *cache, *miss, *phrases;
    if (!PyArg_ParseTuple(args, "O!O!OO!:classify", &PyList_Type, &words, &PyDict_Type, &cache, &miss,
                          &PyDict_Type, &phrases)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(words);
    PyObject *classes = PyList_New(n), *index = PyDict_New(), *openings = PyList_New(0);
    if (classes == NULL || index == NULL || openings == NULL) {
        goto fail;
    }
    class_table table;
    memset(&table, 0, sizeof table);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        PyObject *found = NULL;
#ifdef WORD_MEMO
        int memo_it = PyUnicode_CheckExact(word);
        uint64_t tag = dict_tag(cache);
        if (memo_it) {
            memo_slot *known = memo_slot_of(word);
            if (known->cache_tag == tag) {
                found = known->found;
            }
        }
        if (found == NULL) {
            found = PyDict_GetItemWithError(cache, word);
            if (found != NULL && memo_it && dict_tag(cache) == tag) {
                memo_slot *known = memo_slot_of(word);  /* (found again: the lookup may have run Python code) */
                known->cache_tag = tag;
                known->found = found;
            }
        }
#else
        found = PyDict_GetItemWithError(cache, word);
#endif
        if (found != NULL) {
            Py_INCREF(found);
        } else if (PyErr_Occurred()) {
            goto fail;
        } else {
            Py_INCREF(word);  /* `miss` runs Python code: keep the word alive whatever it does */
            found = PyObject_CallOneArg(miss, word);
            Py_DECREF(word);
            if (found == NULL) {
                goto fail;
            }
        }
        PyList_SET_ITEM(classes, i, found);
        if (!PyAnySet_Check(found)) {
            PyErr_SetString(PyExc_TypeError, "classify(): a word's classes must be a frozenset");
            goto fail;
        }
        if (PySet_GET_SIZE(found) > 0) {
            PyObject *span = unit_span(i);
            if (span == NULL) {
                goto fail;
            }
            int failed = index_add(index, PyFrozenSet_CheckExact(found) ? &table : NULL, found, span);
            Py_DECREF(span);
            if (failed < 0) {
                goto fail;
            }
        }
    }
    for (Py_ssize_t i = 0; i + 1 < PyList_GET_SIZE(words); i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *by_second = NULL;
#ifdef WORD_MEMO
        int memo_it = PyUnicode_CheckExact(word);
        uint64_t tag = dict_tag(phrases);
        memo_slot *known = memo_it ? memo_slot_of(word) : NULL;
        if (known != NULL && known->phrases_tag == tag) {
            by_second = known->by_second;
        } else {
            by_second = PyDict_GetItemWithError(phrases, word);
            if ((by_second != NULL || !PyErr_Occurred()) && memo_it && dict_tag(phrases) == tag) {
                known = memo_slot_of(word);  /* (found again: the lookup may have run Python code) */
                known->phrases_tag = tag;
                known->by_second = by_second;
            }
        }
#else
        by_second = PyDict_GetItemWithError(phrases, word);
#endif
        if (by_second == NULL) {
            if (PyErr_Occurred()) {
                goto fail;
            }
            continue;
        }
        Py_INCREF(by_second);
        /* a dict (the lexicon's), asked directly: the generic containment test dispatches through its type */
        int exact = PyDict_CheckExact(by_second);
        PyObject *next = PyList_GET_ITEM(words, i + 1);
        int open = exact ? PyDict_Contains(by_second, next) : PySequence_Contains(by_second, next);
        if (open == 0) {
            open = exact ? PyDict_Contains(by_second, star_key) : PySequence_Contains(by_second, star_key);
        }
        Py_DECREF(by_second);
        if (open < 0 || (open && append_long(openings, i) < 0)) {
            goto fail;
        }
    }
    PyObject *out = PyTuple_Pack(3, classes, index, openings);
    Py_DECREF(classes);
    Py_DECREF(index);
    Py_DECREF(openings);
    return out;
fail:
    Py_XDECREF(classes);
    Py_XDECREF(index);
    Py_XDECREF(openings);
    return NULL;
}

/* Whether `text._SPACED` matches (`[a-z]`, then twice 1-3 of " .-*_" and `[a-z0-9]`, with no letter or digit
   right before or after): three single characters spaced out, what `_join_spaced_letters` merges. */
static inline int is_spacer(Py_UCS4 c) {
    return c == ' ' || c == '.' || c == '-' || c == '*' || c == '_';
}

ALWAYS_INLINE PyObject *has_spaced_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 'a' || c > 'z' || (i > 0 && is_token_char(PyUnicode_READ(kind, data, i - 1)))) {
            continue;
        }
        Py_ssize_t j = i + 1;
        int ok = 1;
        for (int part = 0; part < 2 && ok; part++) {
            Py_ssize_t gap = 0;  /* a run of spacers; its length is forced, as none is a letter or digit */
            while (j < n && gap < 4 && is_spacer(PyUnicode_READ(kind, data, j))) {
                j++;
                gap++;
            }
            ok = gap >= 1 && gap <= 3 && j < n && is_token_char(PyUnicode_READ(kind, data, j));
            j++;
        }
        if (ok && (j >= n || !is_token_char(PyUnicode_READ(kind, data, j)))) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyObject *has_spaced(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "has_spaced", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? has_spaced_in(arg, PyUnicode_1BYTE_KIND, data, n) : has_spaced_in(arg, kind, data, n);
}

/* Whether `text._MIXED` matches: a digit before a letter (an apostrophe between allowed), or a letter before a
   digit (ASCII letters and digits only). */
ALWAYS_INLINE PyObject *has_mixed_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i), d = PyUnicode_READ(kind, data, i + 1);
        if (c >= '0' && c <= '9') {
            if (d == '\'' && i + 2 < n) {
                d = PyUnicode_READ(kind, data, i + 2);
            }
            if (d >= 'a' && d <= 'z') {
                Py_RETURN_TRUE;
            }
        } else if (c >= 'a' && c <= 'z' && d >= '0' && d <= '9') {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyObject *has_mixed(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "has_mixed", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? has_mixed_in(arg, PyUnicode_1BYTE_KIND, data, n) : has_mixed_in(arg, kind, data, n);
}

/* Whether `text._dotted` answers True: `[a-z][.*_][a-z]` (RE2, on the text's UTF-8) matches, or the text holds
   a lone surrogate, which RE2 cannot take as UTF-8 and the Python function then answers True for (the slow path).
   A direct scan: the RE2 call goes through the wrapper's Python code and copies the text to UTF-8 per call. */
static inline int is_lower_ascii(Py_UCS4 c) {
    return c >= 'a' && c <= 'z';
}

ALWAYS_INLINE PyObject *has_dotted_in(PyObject *arg, int kind, const void *data, Py_ssize_t n) {
    int found = 0;
    for (Py_ssize_t i = 0; i + 2 < n && !found; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i + 1);
        found = (c == '.' || c == '*' || c == '_') && is_lower_ascii(PyUnicode_READ(kind, data, i))
            && is_lower_ascii(PyUnicode_READ(kind, data, i + 2));
    }
    for (Py_ssize_t i = 0; kind != PyUnicode_1BYTE_KIND && i < n && !found; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        found = c >= 0xD800 && c <= 0xDFFF;
    }
    return PyBool_FromLong(found);
}

static PyObject *has_dotted(PyObject *self, PyObject *arg) {
    int kind;
    const void *data;
    Py_ssize_t n;
    if (str_view(arg, "has_dotted", &kind, &data, &n) < 0) {
        return NULL;
    }
    return kind == PyUnicode_1BYTE_KIND ? has_dotted_in(arg, PyUnicode_1BYTE_KIND, data, n) : has_dotted_in(arg, kind, data, n);
}

static PyMethodDef methods[] = {
    {"whitespace_runs", whitespace_runs, METH_O, "The whitespace runs a fold collapses: [(start, end)]."},
    {"sentence_bounds", sentence_bounds, METH_O, "Where a sentence may end: [position]."},
    {"split_tokens", split_tokens, METH_O, "The tokens of a folded text: (words, starts, ends)."},
    {"digit_windows", digit_windows, METH_VARARGS, "Windows around the digit runs of a text, merged."},
    {"has_spaced", has_spaced, METH_O, "Whether three single characters are spaced out (text._SPACED)."},
    {"has_mixed", has_mixed, METH_O, "Whether a digit and a letter touch (text._MIXED)."},
    {"has_dotted", has_dotted, METH_O, "Whether two letters touch a dot, star or underscore (text._dotted)."},
    {"first_tokens", first_tokens, METH_VARARGS, "The first token at or after each cut: [int]."},
    {"classify", classify, METH_VARARGS, "Word classes of tokens: (classes, index, phrase openings)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scan(void) {
    if (star_key == NULL && (star_key = PyUnicode_InternFromString("*")) == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
