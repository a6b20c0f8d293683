#ifndef ZHUBAO_CZLIB_SHIM_H
#define ZHUBAO_CZLIB_SHIM_H
#include <zlib.h>
#endif
