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

/* xmlFree is a global mutable function pointer, which Swift 6 refuses to call. */
static inline void zhubao_xmlFree(void *p) { xmlFree(p); }

/* libxml2 keeps the "global" structured error handler per thread; these read the calling
   thread's handler so zhubao can put it back after borrowing it. */
static inline xmlStructuredErrorFunc zhubao_xmlCurrentStructuredError(void) { return xmlStructuredError; }
static inline void *zhubao_xmlCurrentStructuredErrorContext(void) { return xmlStructuredErrorContext; }
#endif
