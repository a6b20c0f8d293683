/* Probe used for docs/benchmarks.md (issue 3): how long libxml2 alone takes on a file,
 * parsing through SAX with no handlers ("sax"), or validating it against an XSD through SAX
 * ("val", xmlSchemaValidateFile), to compare with the text reader (`xmllint --stream`).
 *   cc -O2 scripts/probe-xsd-sax.c $(pkg-config --cflags --libs libxml-2.0) -o /tmp/probe
 *   /tmp/probe sax FILE.xml            /tmp/probe val FILE.xml schemas/tax-receipt.xsd
 */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  double t0=now();
  if(!strcmp(argv[1],"sax")){
    xmlSAXHandler h; memset(&h,0,sizeof h); h.initialized=XML_SAX2_MAGIC;
    xmlSAXUserParseFile(&h,NULL,argv[2]);
  } else {
    xmlSchemaParserCtxtPtr pc=xmlSchemaNewParserCtxt(argv[3]);
    xmlSchemaPtr s=xmlSchemaParse(pc);
    xmlSchemaValidCtxtPtr vc=xmlSchemaNewValidCtxt(s);
    int r=xmlSchemaValidateFile(vc,argv[2],0);
    printf("valid=%d\n",r);
  }
  printf("%.2f s\n",now()-t0);
}
