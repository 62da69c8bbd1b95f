// The dispatch loop's out-of-line helpers: frame push (arity, defaults, stack overflow),
// method resolution on user types and built-ins, native calls, named arguments, property
// access and its feedback, container creation, closures and iteration.
#include <algorithm>
#include <memory>

#include "absl/container/inlined_vector.h"

#include "src/builtins/builtins.h"
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::interpreter {

namespace {

BytecodeData* DataOf(Closure closure) {
  Value data = closure.shared().function_data();
  return data.IsBytecodeArray() ? BytecodeArray::cast(data).data() : nullptr;
}

// The index of the variant called `name` (a String), or -1.
RUCHY_ALWAYS_INLINE int FindVariant(EnumDescriptor descriptor, Value name) {
  FixedArray names = descriptor.variant_names();
  // Names are interned, so identity almost always decides; Equals covers the rest.
  for (int i = 0; i < names.length(); ++i) {
    if (names.get(i) == name) return i;
  }
  for (int i = 0; i < names.length(); ++i) {
    if (String::Equals(String::cast(names.get(i)), String::cast(name))) return i;
  }
  return -1;
}

}  // namespace

// The reference's texts (ref §9.1, §10.2): "Function expects 2-2 arguments, got 1" (min-max
// even when equal); for a method (self excluded) "Method m expects 1 arguments, got 2".
void Interpreter::ThrowArityError(const BytecodeData* data, int argc) {
  int self = data->has_self ? 1 : 0;
  int max = data->parameter_count - self;
  std::string range = std::to_string(data->required_count) + "-" + std::to_string(max);
  if (data->has_self) {
    if (data->required_count == max) range = std::to_string(max);
    isolate_->ThrowError("Runtime error: Method " + data->name + " expects " + range +
                         " arguments, got " + std::to_string(argc - self));
    return;
  }
  isolate_->ThrowError("Runtime error: Function expects " + range + " arguments, got " +
                       std::to_string(argc - self));
}

void Interpreter::OnInterruptBudget(Address* fp) {
  // Where the tiering manager will attach (ARCHITECTURE §4): for now, count.
  (void)fp;
  ++interrupt_count_;
}

int64_t Interpreter::FeedbackFor(Value lhs, Value rhs) {
  if (lhs.IsSmi() && rhs.IsSmi()) return 1;
  auto is_number = [](Value v) { return v.IsSmi() || v.IsHeapNumber() || v.IsHeapInt(); };
  if (is_number(lhs) && is_number(rhs)) return 2;
  if (lhs.IsString() || rhs.IsString()) return 4;
  return 8;
}

MaybeHandle<FeedbackVector> Interpreter::NewFeedbackVector(Handle<SharedFunctionInfo> shared,
                                                           const BytecodeData* data) {
  Handle<FeedbackVector> vector;
  if (!isolate_->factory()
           ->NewFeedbackVector(shared, data->feedback_slot_count)
           .ToHandle(&vector)) {
    return {};
  }
  for (uint32_t slot : data->counter_slots) {
    vector->set(static_cast<int>(slot), Smi::FromInt(0), WriteBarrierMode::kSkip);
  }
  return vector;
}

void Interpreter::RecordBinaryFeedback(Address* fp, uint32_t slot, int64_t bits) {
  if (!options_.type_feedback) return;  // as the fast paths of ExecuteLoop<false>
  Value cell_value(fp[kFeedbackVectorOffset]);
  if (!cell_value.IsFeedbackVector()) return;
  FeedbackVector vector = FeedbackVector::cast(cell_value);
  if (static_cast<int>(slot) >= vector.length()) return;
  Value old = vector.get(static_cast<int>(slot));
  int64_t current = old.IsSmi() ? Smi::ToInt(old) : 0;
  if ((current | bits) != current) {
    vector.set(static_cast<int>(slot), Smi::FromInt(current | bits), WriteBarrierMode::kSkip);
  }
}

bool Interpreter::SlowBinary(Address* fp, BinaryOp op, Value lhs_value, Value rhs, uint32_t slot,
                             Value* out) {
  HandleScope scope(isolate_);
  Handle<Value> lhs(lhs_value, isolate_);
  Handle<Value> right(rhs, isolate_);
  RecordBinaryFeedback(fp, slot, FeedbackFor(*lhs, *right));
  Handle<Value> result;
  if (!BinaryOperation(isolate_, op, lhs, right).ToHandle(&result)) return false;
  *out = *result;
  return true;
}

bool Interpreter::CreateContainer(Bytecode bc, Address* first, int count, Value* out) {
  HandleScope scope(isolate_);
  Factory* f = isolate_->factory();
  switch (bc) {
    case Bytecode::kCreateArray: {
      ElementsKind kind = ElementsKind::kSmi;
      for (int i = 0; i < count; ++i) {
        kind = Array::GeneralizeKind(kind, Array::KindForValue(Value(first[i])), i == 0);
      }
      Handle<Array> array;
      if (!f->NewArray(kind, 0, std::max(count, 4)).ToHandle(&array)) return false;
      for (int i = 0; i < count; ++i) {
        if (!Array::Push(isolate_, array, Handle<Value>(&first[i]))) return false;
      }
      *out = *array;
      return true;
    }
    case Bytecode::kCreateTuple: {
      Handle<Tuple> tuple;
      if (!f->NewTuple(count).ToHandle(&tuple)) return false;
      for (int i = 0; i < count; ++i) tuple->set(i, Value(first[i]));
      *out = *tuple;
      return true;
    }
    default: {
      Handle<HashMap> map;
      if (!f->NewHashMap(std::max(count / 2, 4)).ToHandle(&map)) return false;
      for (int i = 0; i + 1 < count; i += 2) {
        if (!HashMap::IsHashableKey(Value(first[i]))) {
          isolate_->ThrowError(std::string("Type error: Cannot use ") + TypeName(Value(first[i])) +
                               " as a map key");
          return false;
        }
        if (!HashMap::Insert(isolate_, map, Handle<Value>(&first[i]),
                             Handle<Value>(&first[i + 1]))) {
          return false;
        }
      }
      *out = *map;
      return true;
    }
  }
}

bool Interpreter::CastSlow(Address* fp, Value value, uint32_t type_index, Value* out) {
  HandleScope scope(isolate_);
  Handle<Value> operand(value, isolate_);
  Value pool =
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
          .constant_pool();
  std::string type =
      String::cast(FixedArray::cast(pool).get(static_cast<int>(type_index))).ToStdString();
  Handle<Value> result;
  if (!CastValue(isolate_, operand, type).ToHandle(&result)) return false;
  *out = *result;
  return true;
}

bool Interpreter::LoadNamed(Address* fp, Address* object_slot, uint32_t name_index, uint32_t slot,
                            Value* out) {
  Value pool =
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
          .constant_pool();
  Value object(*object_slot);
  if (object.IsTypeDescriptor() && TypeDescriptor::cast(object).kind() == TypeDescriptor::kEnum) {
    // Enum::Unit: one immutable (shared) value per unit variant, created on first use.
    EnumDescriptor descriptor = EnumDescriptor::cast(TypeDescriptor::cast(object).layout());
    int i = FindVariant(descriptor, FixedArray::cast(pool).get(static_cast<int>(name_index)));
    if (i >= 0 && descriptor.variant_fields().get(i).IsNil()) {
      Value units = descriptor.unit_values();
      if (units.IsFixedArray() && FixedArray::cast(units).get(i).IsEnumValue()) {
        *out = FixedArray::cast(units).get(i);
        return true;
      }
      HandleScope scope(isolate_);
      Handle<EnumDescriptor> d(descriptor, isolate_);
      Handle<EnumValue> value;
      if (!isolate_->factory()->NewEnumValue(d, i, 0, AllocationType::kOld).ToHandle(&value)) {
        return false;
      }
      value->set_shared();
      if (!d->unit_values().IsFixedArray()) {
        Handle<FixedArray> fresh;
        if (!isolate_->factory()
                 ->NewFixedArray(d->variant_count(), AllocationType::kOld)
                 .ToHandle(&fresh)) {
          return false;
        }
        d->set_unit_values(*fresh);
      }
      FixedArray::cast(d->unit_values()).set(i, *value);
      *out = *value;
      return true;
    }
  }
  HandleScope scope(isolate_);
  Handle<String> name(String::cast(FixedArray::cast(pool).get(static_cast<int>(name_index))),
                      isolate_);
  if (object.IsTypeDescriptor()) {
    // Type::NAME: an associated constant or a function value.
    Value method = FindMethod(object, *name);
    if (method.ptr() != 0) {
      *out = method;
      return true;
    }
    isolate_->ThrowError("Runtime error: No associated item '" + name->ToStdString() +
                         "' on type " +
                         String::cast(TypeDescriptor::cast(object).name()).ToStdString());
    return false;
  }
  if (object.IsHashMap() && HashMap::cast(object).flags() & kModuleFlag) {
    Value v = HashMap::cast(object).Get(isolate_, *name);
    if (v.IsTheHole()) {
      isolate_->ThrowError("Runtime error: Undefined variable: " + name->ToStdString());
      return false;
    }
    *out = v;
    return true;
  }
  Handle<Value> result;
  if (!GetField(isolate_, Handle<Value>(object_slot), name).ToHandle(&result)) return false;
  RecordFieldFeedback(fp, slot, Value(*object_slot), *name, "GetNamedProperty");
  *out = *result;
  return true;
}

bool Interpreter::StoreNamed(Address* fp, Address* object_slot, uint32_t name_index, uint32_t slot,
                             Value value) {
  HandleScope scope(isolate_);
  Handle<Value> v(value, isolate_);
  Value pool =
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
          .constant_pool();
  Handle<String> name(String::cast(FixedArray::cast(pool).get(static_cast<int>(name_index))),
                      isolate_);
  Handle<Value> container(object_slot);
  if (!SetField(isolate_, &container, name, v)) return false;
  *object_slot = container->ptr();
  RecordFieldFeedback(fp, slot, Value(*object_slot), *name, "SetNamedProperty");
  return true;
}

bool Interpreter::PushFrame(Address* fp, Closure callee, Address* args, int count,
                            Address caller_pc_word, Address** new_fp) {
  BytecodeData* data = DataOf(callee);
  callee.set_bytecode_data(data);  // frames find their bytecode through it (RELOAD_FRAME)
  int min_args = data->required_count + (data->has_self ? 1 : 0);
  if (count > data->parameter_count || count < min_args) {
    ThrowArityError(data, count);
    return false;
  }
  Address* base = top_;
  if (base + data->parameter_count + kFrameHeaderSlots + data->register_count > stack_limit_) {
    isolate_->ThrowError("Stack overflow");
    return false;
  }
  Address hole = isolate_->the_hole_value().ptr();
  for (int i = 0; i < data->parameter_count; ++i) base[i] = i < count ? args[i] : hole;
  Address* frame = base + data->parameter_count + kFrameHeaderSlots;
  frame[kCallerFpOffset] = reinterpret_cast<Address>(fp);
  frame[kCallerDataOffset] =
      reinterpret_cast<Address>(Closure::unchecked_cast(Value(fp[kClosureOffset])).bytecode_data());
  frame[kCallerPcOffset] = caller_pc_word;
  frame[kClosureOffset] = callee.ptr();
  frame[kFeedbackVectorOffset] = callee.feedback_cell().value().ptr();
  frame[kContextOffset] = callee.context().ptr();
  Address nil = isolate_->nil_value().ptr();
  for (int i = 0; i < data->register_count; ++i) frame[i] = nil;
  top_ = frame + data->register_count;
  current_fp_ = static_cast<Address>(frame - stack_);
  current_offset_ = 0;
  *new_fp = frame;
  return true;
}

MaybeHandle<Value> Interpreter::NotInterpreted(Handle<Closure> closure, int argc,
                                               const Handle<Value>* argv,
                                               Handle<Value>* receiver_out) {
  (void)argc;
  (void)argv;
  (void)receiver_out;
  DCHECK(false && "Execute called with a built-in");
  isolate_->ThrowError("Runtime error: internal error: " + closure->shared().name().ToStdString() +
                       " has no bytecode to interpret");
  return {};
}

bool Interpreter::CallNativeFromCpp(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                                    Handle<Value>* receiver_out, Value* out) {
  // The result leaves the scope as a Value: Execute used to return the handle made in
  // here after the scope had freed its slot, and the caller read whatever the next handle
  // put there (`[4.0].iter().map(sqrt)` gave the array's length).
  HandleScope scope(isolate_);
  Handle<Value> result;
  if (!CallNative(closure, argc, argv, receiver_out).ToHandle(&result)) return false;
  *out = *result;
  return true;
}

MaybeHandle<Value> Interpreter::CallNative(Handle<Closure> closure, int argc,
                                           const Handle<Value>* argv, Handle<Value>* receiver_out) {
  (void)receiver_out;
  int id = static_cast<int>(Smi::ToInt(closure->shared().function_data()));
  if (id <= Isolate::kFirstHostFunctionId) {
    return isolate_->host_call_handler()(isolate_, Isolate::kFirstHostFunctionId - id, argc, argv);
  }
  if (id < 0) {
    if (argc != 1) {
      isolate_->ThrowError("Runtime error: Function expects 1-1 arguments, got " +
                           std::to_string(argc));
      return {};
    }
    MaybeHandle<EnumValue> value = id == kIntrinsicSome ? NewSome(isolate_, argv[0])
                                   : id == kIntrinsicOk ? NewOk(isolate_, argv[0])
                                                        : NewErr(isolate_, argv[0]);
    Handle<EnumValue> result;
    if (!value.ToHandle(&result)) return {};
    return Handle<Value>(result);
  }
  BuiltinArguments args;
  args.isolate = isolate_;
  args.argc = argc;
  args.argv = argv;
  args.name = BuiltinFunctionName(static_cast<BuiltinId>(id));
  return CallBuiltinFunction(static_cast<BuiltinId>(id), args);
}

bool Interpreter::CallSlow(Address* fp, Address* callee_slot, Address* args, int count,
                           Value* out) {
  (void)fp;
  HandleScope scope(isolate_);
  Value callee(*callee_slot);
  absl::InlinedVector<Handle<Value>, 8> handles;  // no allocation for common arities
  handles.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) handles.emplace_back(&args[i]);
  if (callee.IsClosure()) {
    Handle<Value> result;
    if (!CallNative(Handle<Closure>(callee_slot), count, handles.data(), nullptr)
             .ToHandle(&result)) {
      return false;
    }
    *out = *result;
    return true;
  }
  if (callee.IsTypeDescriptor()) {
    // A tuple struct used as a constructor: P(1, 2).
    TypeDescriptor type = TypeDescriptor::cast(callee);
    if (type.kind() == TypeDescriptor::kTupleStruct || type.kind() == TypeDescriptor::kStruct) {
      Handle<Shape> shape(Shape::cast(type.layout()), isolate_);
      if (shape->number_of_fields() != count) {
        isolate_->ThrowError(
            "Runtime error: Function expects " + std::to_string(shape->number_of_fields()) + "-" +
            std::to_string(shape->number_of_fields()) + " arguments, got " + std::to_string(count));
        return false;
      }
      Handle<StructObject> object;
      if (!isolate_->factory()->NewStructObject(shape).ToHandle(&object)) return false;
      for (int i = 0; i < count; ++i) object->set_field(i, Value(args[i]));
      *out = *object;
      return true;
    }
  }
  isolate_->ThrowError(std::string("Type error: Cannot call non-function value: ") +
                       TypeName(callee));
  return false;
}

bool Interpreter::ReorderNamedArguments(const BytecodeData* callee, const CallSite& site,
                                        Address* args, int* count) {
  if (site.names.empty()) return true;
  int self = callee->has_self ? 1 : 0;
  int params = callee->parameter_count - self;
  std::vector<Address> ordered(static_cast<size_t>(params), isolate_->the_hole_value().ptr());
  for (int i = 0; i < site.positional_count && i < params; ++i) ordered[i] = args[i];
  for (size_t n = 0; n < site.names.size(); ++n) {
    auto it =
        std::find(callee->parameter_names.begin(), callee->parameter_names.end(), site.names[n]);
    if (it == callee->parameter_names.end()) {
      isolate_->ThrowError("Runtime error: Function " + callee->name + " has no parameter '" +
                           site.names[n] + "'");
      return false;
    }
    ordered[static_cast<size_t>(it - callee->parameter_names.begin())] =
        args[site.positional_count + static_cast<int>(n)];
  }
  // Trailing missing arguments are simply not passed (defaults fill them); interior
  // ones stay the hole, which the prologue also treats as missing.
  int last = params;
  while (last > 0 && Value(ordered[last - 1]).IsTheHole()) --last;
  // Padded with holes to the words ENTER_FRAME's fixed-size copy reads.
  ordered.resize(static_cast<size_t>(std::max(last, kEnterFrameCopyWords)),
                 isolate_->the_hole_value().ptr());
  scratch_arguments_ = std::move(ordered);
  *count = last;
  return true;
}

bool Interpreter::RegisterType(Handle<TypeDescriptor> type) {
  Value registry = isolate_->type_registry();
  if (registry.IsNil()) {
    Handle<HashMap> map;
    if (!isolate_->factory()->NewHashMap(16).ToHandle(&map)) return false;
    isolate_->roots_table()[RootIndex::kTypeRegistry] = map->ptr();
  }
  Handle<HashMap> map(HashMap::cast(isolate_->type_registry()), isolate_);
  Handle<Value> name(type->name(), isolate_);
  return HashMap::Insert(isolate_, map, name, type);
}

Value Interpreter::TypeOf(Value value) {
  Value name;
  if (value.IsStructObject() || value.IsPlainObject()) {
    name = HeapObject::cast(value).shape().type_name();
  } else if (value.IsEnumValue()) {
    Value type = EnumValue::cast(value).descriptor().type();
    if (!type.IsNil()) return type;
    return isolate_->nil_value();
  } else {
    return isolate_->nil_value();
  }
  Value registry = isolate_->type_registry();
  if (!name.IsString() || registry.IsNil()) return isolate_->nil_value();
  Value type = HashMap::cast(registry).Get(isolate_, name);
  return type.IsTheHole() ? isolate_->nil_value() : type;
}

Value Interpreter::FindMethod(Value type_value, String name) {
  for (int depth = 0; depth < 64 && type_value.IsTypeDescriptor(); ++depth) {
    TypeDescriptor type = TypeDescriptor::cast(type_value);
    Value methods = type.methods();
    if (methods.IsHashMap()) {
      Value m = HashMap::cast(methods).Get(isolate_, name);
      if (!m.IsTheHole()) return m;
    }
    type_value = type.parent();
  }
  return Value(kNullAddress);
}

int Interpreter::ResolveMethodCall(Address* fp, const CallSite& site, uint32_t slot, Address* first,
                                   int count, Value* target, int* shift, int* argc,
                                   Address** args_out, Value* out) {
  if (std::optional<SelfHostedId> self_hosted = SelfHostedFor(site.cached_intrinsic)) {
    // These sites leave cached_receiver_key unset so that the handler sends them here.
    return CallSelfHosted(site, *self_hosted, first, count, target, shift, argc, args_out, out);
  }
  HandleScope scope(isolate_);
  if (site.is_static && site.names.empty() && site.name_constant >= 0 && count >= 1 &&
      Value(first[0]).IsTypeDescriptor() &&
      TypeDescriptor::cast(Value(first[0])).kind() == TypeDescriptor::kEnum) {
    // Enum::Variant(args), the common static call, before the general lookup's handles.
    Value pool =
        BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
            .constant_pool();
    int variant = -1;
    int status = ConstructVariant(FixedArray::cast(pool).get(site.name_constant), first, count, out,
                                  &variant);
    if (status == kCallDone) {
      // The handler builds this variant inline from now on (static sites have four
      // slots: target, count, then [type, variant index]).
      FeedbackVector vector = FeedbackVector::cast(Value(fp[kFeedbackVectorOffset]));
      vector.set(static_cast<int>(slot) + 2, Value(first[0]));
      vector.set(static_cast<int>(slot) + 3, Smi::FromInt(variant), WriteBarrierMode::kSkip);
    }
    if (status != kCallNotVariant) return status;
  }
  absl::InlinedVector<Handle<Value>, 8> handles;  // no allocation for common arities
  auto make_handles = [&](int from) {
    handles.clear();
    for (int i = from; i < count; ++i) handles.emplace_back(&first[i]);
  };
  auto call_builtin_function = [&]() -> int {
    make_handles(0);
    BuiltinArguments args;
    args.isolate = isolate_;
    args.argc = site.positional_count;
    args.argv = handles.data();
    args.named_count = static_cast<int>(site.names.size());
    args.names = site.name_views.data();
    args.named_values = handles.data() + site.positional_count;
    args.type_hint = site.type_hint;
    args.name = site.name;
    Handle<Value> result;
    if (!CallBuiltinFunction(site.builtin_id, args).ToHandle(&result)) return kCallFailed;
    *out = *result;
    return kCallDone;
  };
  if (site.is_builtin) return call_builtin_function();

  Value receiver(first[0]);
  // A callable called with named arguments: order them by the callee's parameter names.
  auto call_closure = [&](Value callee, int from) -> int {
    if (!callee.IsClosure()) {
      isolate_->ThrowError(std::string("Type error: Cannot call non-function value: ") +
                           TypeName(callee));
      return kCallFailed;
    }
    BytecodeData* data = DataOf(Closure::cast(callee));
    if (data == nullptr) {
      // A built-in or intrinsic used as a value.
      Handle<Closure> closure(Closure::cast(callee), isolate_);
      make_handles(from);
      Handle<Value> result;
      if (!CallNative(closure, count - from, handles.data(), nullptr).ToHandle(&result)) {
        return kCallFailed;
      }
      *out = *result;
      return kCallDone;
    }
    int n = count - from;
    *args_out = first + from;
    if (!site.names.empty()) {
      if (!ReorderNamedArguments(data, site, first + from, &n)) return kCallFailed;
      *args_out = scratch_arguments_.data();
    }
    *target = callee;
    *shift = from;
    *argc = n;
    return kCallPushFrame;
  };
  if (site.is_value_call) return call_closure(receiver, 1);

  Handle<String> name;
  if (site.name_constant >= 0) {
    // The generator interned the name in the constant pool.
    Value pool =
        BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
            .constant_pool();
    name = handle(String::cast(FixedArray::cast(pool).get(site.name_constant)), isolate_);
  } else if (!isolate_->factory()->InternalizeUtf8String(site.name).ToHandle(&name)) {
    return kCallFailed;
  }

  if (site.is_static) {
    if (receiver.IsTypeDescriptor()) {
      TypeDescriptor type = TypeDescriptor::cast(receiver);
      if (type.kind() == TypeDescriptor::kEnum) {
        // Shape::Circle(1.0): a tuple variant.
        int status = ConstructVariant(*name, first, count, out);
        if (status != kCallNotVariant) return status;
      }
      Value method = FindMethod(receiver, *name);
      if (method.ptr() != 0) {
        BytecodeData* data = method.IsClosure() ? DataOf(Closure::cast(method)) : nullptr;
        if (data != nullptr && data->is_constructor) {
          // Type::new(args): allocate the instance; it becomes self (the receiver slot).
          Handle<Value> method_handle(method, isolate_);
          Handle<TypeDescriptor> type_handle(type, isolate_);
          Handle<Value> instance;
          if (!NewClassInstance(isolate_, type_handle).ToHandle(&instance)) return kCallFailed;
          first[0] = instance->ptr();
          return call_closure(*method_handle, 0);
        }
        return call_closure(method, 1);
      }
      isolate_->ThrowError("Runtime error: No associated function '" + site.name + "' on type " +
                           String::cast(type.name()).ToStdString());
      return kCallFailed;
    }
    if (receiver.IsHashMap() && (HashMap::cast(receiver).flags() & kModuleFlag)) {
      Value member = HashMap::cast(receiver).Get(isolate_, *name);
      if (member.IsTheHole()) {
        isolate_->ThrowError("Runtime error: Undefined variable: " + site.name);
        return kCallFailed;
      }
      return call_closure(member, 1);
    }
    isolate_->ThrowError("Runtime error: Undefined variable: " + site.name);
    return kCallFailed;
  }

  // recv.name(args): user methods first, then a field holding a function, then built-ins.
  // A user method found before for this receiver shape is cached in the site's feedback
  // (target slot + shape slot), which skips the registry and method-table lookups.
  FeedbackVector vector;
  bool has_vector = false;
  {
    Value cell_value(fp[kFeedbackVectorOffset]);
    if (cell_value.IsFeedbackVector() &&
        static_cast<int>(slot) + 2 < FeedbackVector::cast(cell_value).length()) {
      vector = FeedbackVector::cast(cell_value);
      has_vector = true;
    }
  }
  Value method = Value(kNullAddress);
  if (has_vector && receiver.IsHeapObject() &&
      vector.get(static_cast<int>(slot) + 2) == MethodCacheKey(HeapObject::cast(receiver)) &&
      vector.get(static_cast<int>(slot)).IsClosure()) {
    method = vector.get(static_cast<int>(slot));
  }
  Value type = method.ptr() != 0 ? Value(isolate_->nil_value()) : TypeOf(receiver);
  if (method.ptr() == 0 && !type.IsNil()) {
    method = FindMethod(type, *name);
    if (method.ptr() != 0 && receiver.IsHeapObject()) {
      Address key = MethodCacheKey(HeapObject::cast(receiver)).ptr();
      method_cache_[MethodCacheHash(key, &site)] = {key, &site, method.ptr()};
    }
    if (method.ptr() != 0 && has_vector && receiver.IsHeapObject() &&
        !vector.get(static_cast<int>(slot)).IsSmi()) {
      vector.set(static_cast<int>(slot) + 2, MethodCacheKey(HeapObject::cast(receiver)));
    }
  }
  {
    if (method.ptr() != 0) {
      BytecodeData* data = method.IsClosure() ? DataOf(Closure::cast(method)) : nullptr;
      bool has_self = data != nullptr && data->has_self;
      // self by value or &self: the method gets a copy (copy-on-write); &mut self
      // mutates the caller's value in place and is written back.
      if (has_self && (data->inout_mask & 1) == 0) MarkShared(receiver);
      return call_closure(method, has_self ? 0 : 1);
    }
  }
  if (receiver.IsPlainObject() || receiver.IsStructObject() ||
      (receiver.IsHashMap() && (HashMap::cast(receiver).flags() & kModuleFlag))) {
    Value field = receiver.IsHashMap()       ? HashMap::cast(receiver).Get(isolate_, *name)
                  : receiver.IsPlainObject() ? PlainObject::cast(receiver).GetField(*name)
                                             : Value(isolate_->the_hole_value());
    if (receiver.IsStructObject()) {
      int index = HeapObject::cast(receiver).shape().LookupField(*name);
      if (index >= 0) field = StructObject::cast(receiver).field(index);
    }
    if (field.IsClosure()) return call_closure(field, 1);
  }
  std::optional<BuiltinMethodId> id = LookupBuiltinMethod(isolate_, receiver, site.name);
  if (!id.has_value()) {
    isolate_->ThrowError("Runtime error: Method '" + site.name + "' not found for type " +
                         TypeName(receiver));
    return kCallFailed;
  }
  int key = BuiltinReceiverKey(receiver);
  if (key >= 0) {
    site.cached_receiver_key = key;
    site.cached_method_id = *id;
    site.cached_function = site.name.empty()
                               ? nullptr
                               : DirectBuiltinMethod(*id, site.positional_count,
                                                     key == static_cast<int>(InstanceType::kRange));
    site.cached_intrinsic =
        site.names.empty() ? IntrinsicFor(key, *id, site.type_hint) : CallSite::Intrinsic::kNone;
    if (std::optional<SelfHostedId> self_hosted = SelfHostedFor(site.cached_intrinsic)) {
      site.cached_receiver_key = -1;  // to the top of this function from now on
      return CallSelfHosted(site, *self_hosted, first, count, target, shift, argc, args_out, out);
    }
  }
  return InvokeBuiltinMethod(site, *id, first, count, out) ? kCallDone : kCallFailed;
}

int Interpreter::CallSelfHosted(const CallSite& site, SelfHostedId id, Address* first, int count,
                                Value* target, int* shift, int* argc, Address** args_out,
                                Value* out) {
  // map(f), filter(f), fold(init, f) on an array: the self-hosted loop when the callback
  // allows it (interpreter-self-hosted.cc), else the built-in the site resolved.
  int callback_arity = id == kSelfHostedFold ? 2 : 1;
  int expected_count = id == kSelfHostedFold ? 3 : 2;  // with the receiver (and fold's init)
  if (count == expected_count && Value(first[0]).IsArray() &&
      IsSelfHostableCallback(Value(first[count - 1]), callback_arity)) {
    Address closure = SelfHostedClosure(id);
    if (closure != kNullAddress) {
      *target = Value(closure);
      *shift = 0;
      *argc = count;
      *args_out = first;
      return kCallPushFrame;
    }
  }
  return InvokeBuiltinMethod(site, site.cached_method_id, first, count, out) ? kCallDone
                                                                             : kCallFailed;
}

int Interpreter::ConstructVariant(Value name, Address* first, int count, Value* out, int* variant) {
  EnumDescriptor descriptor = EnumDescriptor::cast(TypeDescriptor::cast(Value(first[0])).layout());
  int i = FindVariant(descriptor, name);
  if (i < 0) return kCallNotVariant;
  if (variant != nullptr) *variant = i;
  Handle<EnumDescriptor> d(descriptor, isolate_);  // in the caller's HandleScope
  Handle<EnumValue> value;
  if (!isolate_->factory()->NewEnumValue(d, i, count - 1).ToHandle(&value)) return kCallFailed;
  for (int j = 1; j < count; ++j) value->set_payload(j - 1, Value(first[j]));
  *out = *value;
  return kCallDone;
}

void Interpreter::FlushMethodCache() {
  for (MethodCacheEntry& e : method_cache_) e = MethodCacheEntry();
}

HeapObject Interpreter::MethodCacheKey(HeapObject receiver) {
  if (receiver.IsEnumValue()) return EnumValue::cast(receiver).descriptor();
  return receiver.shape();
}

CallSite::Intrinsic Interpreter::IntrinsicFor(int receiver_key, uint16_t id,
                                              std::string_view type_hint) {
  using Intrinsic = CallSite::Intrinsic;
  std::string_view method = BuiltinMethodName(id);
  std::string_view implementation = BuiltinMethodImplementationName(id);
  if (receiver_key == static_cast<int>(InstanceType::kSeqString) ||
      receiver_key == static_cast<int>(InstanceType::kConsString)) {
    if (implementation == "StringPushStr") return Intrinsic::kStringPushStr;
    // The integer types whose range is all of i64 (the intrinsic has no range check); no
    // hint tries an integer first, so digits give the same Ok(integer).
    if (implementation == "StringParse" &&
        (type_hint.empty() || type_hint == "i64" || type_hint == "isize" || type_hint == "i128")) {
      return Intrinsic::kStringParseInt;
    }
  } else if (receiver_key == kSmiReceiverKey) {
    if (implementation == "AnyToString") return Intrinsic::kIntToString;
  } else if (receiver_key == static_cast<int>(InstanceType::kArray)) {
    if (method == "len") return Intrinsic::kArrayLen;
    if (implementation == "ArrayPush") return Intrinsic::kArrayPush;
    if (implementation == "IterMap") return Intrinsic::kSelfHostedMap;
    if (implementation == "IterFilter") return Intrinsic::kSelfHostedFilter;
    if (implementation == "IterFold") return Intrinsic::kSelfHostedFold;
  } else if (receiver_key == kBuiltinEnumReceiverKey) {
    if (method == "unwrap") return Intrinsic::kUnwrap;
    if (method == "unwrap_or") return Intrinsic::kUnwrapOr;
  } else if (receiver_key == static_cast<int>(InstanceType::kHeapNumber)) {
    if (implementation == "NumberSqrt") {
      return Intrinsic::kFloatSqrt;
    }
  } else if (receiver_key == static_cast<int>(InstanceType::kHashMap)) {
    // By implementation, so the aliases (get_mut, contains) come along.
    if (implementation == "MapGet") return Intrinsic::kMapGet;
    if (implementation == "MapContainsKey") return Intrinsic::kMapContainsKey;
    if (implementation == "MapInsert") return Intrinsic::kMapInsert;
  }
  return Intrinsic::kNone;
}

int Interpreter::BuiltinReceiverKey(Value receiver) const {
  if (receiver.IsSmi()) return kSmiReceiverKey;
  InstanceType type = HeapObject::cast(receiver).instance_type();
  switch (type) {
    case InstanceType::kHeapNumber:
    case InstanceType::kHeapInt:
    case InstanceType::kSeqString:
    case InstanceType::kConsString:
    case InstanceType::kArray:
    case InstanceType::kRange:
    case InstanceType::kTuple:
      return static_cast<int>(type);
    case InstanceType::kHashMap:
      // A module namespace is searched for members first.
      if (HashMap::cast(receiver).flags() & kModuleFlag) return -1;
      return static_cast<int>(type);
    case InstanceType::kEnumValue: {
      // User enums may have methods; the built-in ones have only built-in methods, the
      // same for all three (ReceiverKinds).
      EnumDescriptor descriptor = EnumValue::cast(receiver).descriptor();
      if (descriptor == isolate_->option_enum() || descriptor == isolate_->result_enum() ||
          descriptor == isolate_->ordering_enum()) {
        return kBuiltinEnumReceiverKey;
      }
      return -1;
    }
    default:
      // Oddballs share a shape across kinds (true is a boolean, nil is not); objects may
      // have user methods.
      return -1;
  }
}

bool Interpreter::InvokeBuiltinMethod(const CallSite& site, uint16_t id, Address* first, int count,
                                      Value* out) {
  // The arguments' handles are their VM stack slots: a plain array for common arities
  // (cheaper than absl::InlinedVector's size bookkeeping, strings -0.7% instructions).
  constexpr int kInlineArguments = 8;
  Handle<Value> inline_handles[kInlineArguments];
  std::unique_ptr<Handle<Value>[]> many_handles;
  Handle<Value>* handles = inline_handles;
  if (RUCHY_PREDICT_FALSE(count - 1 > kInlineArguments)) {
    many_handles = std::make_unique<Handle<Value>[]>(count - 1);
    handles = many_handles.get();
  }
  HandleScope scope(isolate_);
  for (int i = 1; i < count; ++i) handles[i - 1] = Handle<Value>(&first[i]);
  Handle<Value> receiver_handle(&first[0]);
  BuiltinArguments args;
  args.isolate = isolate_;
  args.receiver = &receiver_handle;
  args.argc = site.positional_count;
  args.argv = handles;
  args.named_count = static_cast<int>(site.names.size());
  args.names = site.name_views.data();
  args.named_values = handles + site.positional_count;
  args.type_hint = site.type_hint;
  args.name = site.name;
  Handle<Value> result;
  // The site's cached implementation skips CallBuiltinMethod's checks, done when cached.
  BuiltinFunction direct = id == site.cached_method_id ? site.cached_function : nullptr;
  bool ok =
      (direct != nullptr ? direct(args) : CallBuiltinMethod(static_cast<BuiltinMethodId>(id), args))
          .ToHandle(&result);
  first[0] = receiver_handle->ptr();
  if (!ok) return false;
  // A built-in returning its receiver or an argument (clone, iter...) duplicates a
  // reference: mark it so a later mutation copies.
  if (*result == Value(first[0])) MarkShared(*result);
  for (int i = 1; i < count; ++i) {
    if (*result == Value(first[i])) MarkShared(*result);
  }
  *out = *result;
  return true;
}

bool Interpreter::SmiToString(Value smi, Value* out) {
  // AnyToString without the BuiltinArguments (ToTextString has the Smi fast path).
  HandleScope scope(isolate_);
  Handle<String> text;
  if (!ToTextString(isolate_, handle(smi, isolate_), TextForm::kConcat).ToHandle(&text)) {
    return false;
  }
  *out = *text;
  return true;
}

bool Interpreter::AppendString(Address* receiver, Value suffix) {
  // StringPushStr without the BuiltinArguments: the receiver's slot gets the concatenation.
  HandleScope scope(isolate_);
  Handle<String> right(String::cast(suffix), isolate_);
  Handle<String> result;
  if (!isolate_->factory()
           ->NewConsString(Handle<String>::cast(Handle<Value>(receiver)), right)
           .ToHandle(&result)) {
    return false;
  }
  *receiver = result->ptr();
  return true;
}

bool Interpreter::CreateClosure(Address* fp, uint32_t constant_index, Value* out) {
  HandleScope scope(isolate_);
  Value pool =
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
          .constant_pool();
  Handle<SharedFunctionInfo> shared(
      SharedFunctionInfo::cast(FixedArray::cast(pool).get(static_cast<int>(constant_index))),
      isolate_);
  Factory* f = isolate_->factory();
  // One feedback cell per function (kept in the SFI), shared by all its closures.
  Handle<FeedbackCell> cell;
  Value existing = shared->feedback_metadata();
  if (existing.IsFeedbackCell()) {
    cell = handle(FeedbackCell::cast(existing), isolate_);
  } else {
    BytecodeData* data = BytecodeArray::cast(shared->function_data()).data();
    Handle<FeedbackVector> vector;
    if (!NewFeedbackVector(shared, data).ToHandle(&vector) ||
        !f->NewFeedbackCell(vector).ToHandle(&cell)) {
      return false;
    }
    shared->set_feedback_metadata(*cell);
  }
  Handle<Value> context(&fp[kContextOffset]);
  Handle<Closure> closure;
  if (!f->NewClosure(shared, context, cell).ToHandle(&closure)) return false;
  *out = *closure;
  return true;
}

bool Interpreter::GetIterator(Value* acc) {
  HandleScope scope(isolate_);
  Value v = *acc;
  if (v.IsArray()) return true;
  if (v.IsRange()) {
    Range range = Range::cast(v);
    if (range.from().IsSmi() && range.to().IsSmi()) return true;
    isolate_->ThrowError("Type error: For loop requires an iterable");
    return false;
  }
  Factory* f = isolate_->factory();
  if (v.IsString()) {
    // Characters, as one-character strings.
    std::string text = String::cast(v).ToStdString();
    Handle<Array> array;
    if (!f->NewArray(ElementsKind::kGeneric, 0, 8).ToHandle(&array)) return false;
    size_t i = 0;
    while (i < text.size()) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0xF0)
        len = 4;
      else if (c >= 0xE0)
        len = 3;
      else if (c >= 0xC0)
        len = 2;
      len = std::min(len, text.size() - i);
      Handle<String> ch;
      if (!f->NewStringFromUtf8(std::string_view(text).substr(i, len)).ToHandle(&ch) ||
          !Array::Push(isolate_, array, ch)) {
        return false;
      }
      i += len;
    }
    *acc = *array;
    return true;
  }
  if (v.IsHashMap() || v.IsTuple()) {
    Handle<Value> value(v, isolate_);
    Handle<Array> array;
    if (!f->NewArray(ElementsKind::kGeneric, 0, 8).ToHandle(&array)) return false;
    if (value->IsTuple()) {
      for (int i = 0; i < Tuple::cast(*value).length(); ++i) {
        Handle<Value> e(Tuple::cast(*value).get(i), isolate_);
        if (!Array::Push(isolate_, array, e)) return false;
      }
      *acc = *array;
      return true;
    }
    // Maps iterate as (key, value) tuples in insertion order; sets as their elements.
    Handle<OrderedHashTable> table(HashMap::cast(*value).table(), isolate_);
    bool is_set = (HashMap::cast(*value).flags() & CowContainer::kHashSetBit) != 0;
    int used = table->used_entries();
    for (int entry = 0; entry < used; ++entry) {
      if (!table->IsLiveEntry(entry)) continue;
      if (is_set) {
        Handle<Value> key(table->KeyAt(entry), isolate_);
        MarkShared(*key);
        if (!Array::Push(isolate_, array, key)) return false;
        continue;
      }
      Handle<Tuple> pair;
      if (!f->NewTuple(2).ToHandle(&pair)) return false;
      pair->set(0, table->KeyAt(entry));
      pair->set(1, table->ValueAt(entry));
      MarkShared(pair->get(0));
      MarkShared(pair->get(1));
      if (!Array::Push(isolate_, array, pair)) return false;
    }
    *acc = *array;
    return true;
  }
  isolate_->ThrowError("Type error: For loop requires an iterable");
  return false;
}

}  // namespace ruchy::internal::interpreter
