#ifndef ZHUBAO_CLIBXML2_SHIM_H
#define ZHUBAO_CLIBXML2_SHIM_H
/* Debian's libxml2 headers pull in the system ICU, which clashes with the ICU copy inside
   Foundation; zhubao never needs libxml2's ICU support, so switch it off first. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/globals.h>
#include <stdarg.h>
#include <stdio.h>

/* xmlFree is a global mutable function pointer, which Swift 6 refuses to call. */
static inline void zhubao_xmlFree(void *p) { xmlFree(p); }

/* libxml2 keeps its "global" error handlers per thread. zhubao borrows them while it calls into
   libxml2 and puts the previous ones back; these helpers save and restore both kinds. */
typedef struct {
    void (*sink)(void *context, const char *message);
    void *context;
} zhubao_xmlMessageRelay;

/* Swift cannot define a C variadic function: the few printf-style "generic" messages that bypass
   the structured handlers (e.g. "xmlParseChunk: encoder error") are formatted here and passed on. */
static inline void zhubao_xmlGenericRelay(void *relay, const char *format, ...) {
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    zhubao_xmlMessageRelay *r = (zhubao_xmlMessageRelay *)relay;
    if (r != NULL && r->sink != NULL) r->sink(r->context, message);
}

typedef struct {
    void *generic;
    void *genericContext;
    void *structured;
    void *structuredContext;
} zhubao_xmlHandlers;

static inline zhubao_xmlHandlers zhubao_xmlInstallHandlers(xmlStructuredErrorFunc structured, void *context,
                                                           zhubao_xmlMessageRelay *relay) {
    zhubao_xmlHandlers saved = {
        (void *)xmlGenericError, xmlGenericErrorContext, (void *)xmlStructuredError, xmlStructuredErrorContext
    };
    xmlSetGenericErrorFunc(relay, zhubao_xmlGenericRelay);
    xmlSetStructuredErrorFunc(context, structured);
    return saved;
}

static inline void zhubao_xmlRestoreHandlers(zhubao_xmlHandlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, (xmlGenericErrorFunc)saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, (xmlStructuredErrorFunc)saved.structured);
}
#endif
