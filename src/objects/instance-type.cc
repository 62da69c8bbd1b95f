// Names for instance types, elements kinds and roots (diagnostics and verification).
#include "src/objects/instance-type.h"

#include "src/heap/roots.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

const char* InstanceTypeName(InstanceType type) {
  switch (type) {
#define RUCHY_INSTANCE_TYPE_NAME(Name) \
  case InstanceType::k##Name:          \
    return #Name;
    RUCHY_INSTANCE_TYPE_LIST(RUCHY_INSTANCE_TYPE_NAME)
#undef RUCHY_INSTANCE_TYPE_NAME
  }
  return "unknown";
}

const char* ElementsKindName(ElementsKind kind) {
  switch (kind) {
    case ElementsKind::kSmi:
      return "smi";
    case ElementsKind::kDouble:
      return "double";
    case ElementsKind::kGeneric:
      return "generic";
  }
  return "unknown";
}

const char* RootsTable::NameOf(RootIndex index) {
  switch (index) {
#define RUCHY_ROOT_NAME(Type, name, CamelName) \
  case RootIndex::k##CamelName:                \
    return #name;
    RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_NAME)
    RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_NAME)
#undef RUCHY_ROOT_NAME
    case RootIndex::kRootListLength:
      break;
  }
  return "unknown";
}

}  // namespace ruchy::internal
