#!/usr/bin/env python3
"""Embed a text file in eok as a C++ string constant: embed_text.py <in> <out.cpp> <name>."""
import sys

src, out, name = sys.argv[1:4]
text = open(src, encoding='utf-8').read()
delim = 'eok_embed'
if ')' + delim + '"' in text:
    sys.exit('embed_text.py: the delimiter occurs in ' + src)
with open(out, 'w', encoding='utf-8') as f:
    f.write('// Generated from %s by embed_text.py: do not edit.\n' % src.split('/')[-1])
    f.write('namespace eok::perf {\nextern const char* const %s;\n' % name)
    f.write('const char* const %s = R"%s(%s)%s";\n}\n' % (name, delim, text, delim))
