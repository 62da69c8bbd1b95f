// Declarations of every built-in implementation named in builtins-list.h. Internal to
// src/builtins: the interpreter reaches them only through builtins.h.
#ifndef RUCHY_BUILTINS_BUILTINS_IMPL_H_
#define RUCHY_BUILTINS_BUILTINS_IMPL_H_

#include "src/builtins/builtins-list.h"
#include "src/builtins/builtins.h"

namespace ruchy::internal::builtins {

#define RUCHY_DECLARE_BUILTIN_FUNCTION(name, CppName, min, max) \
  MaybeHandle<Value> CppName(BuiltinArguments& args);
RUCHY_BUILTIN_FUNCTION_LIST(RUCHY_DECLARE_BUILTIN_FUNCTION)
#undef RUCHY_DECLARE_BUILTIN_FUNCTION

#define RUCHY_DECLARE_BUILTIN_METHOD(kind, name, CppName, min, max, mutates) \
  MaybeHandle<Value> CppName(BuiltinArguments& args);
RUCHY_BUILTIN_METHOD_LIST(RUCHY_DECLARE_BUILTIN_METHOD)
#undef RUCHY_DECLARE_BUILTIN_METHOD

}  // namespace ruchy::internal::builtins

#endif  // RUCHY_BUILTINS_BUILTINS_IMPL_H_
