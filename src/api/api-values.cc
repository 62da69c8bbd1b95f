// Values through the embedding API: type tests and conversions, the constructors and
// accessors of each public value class, host functions (Function::New) and calls. Every
// value handed out is marked shared when it is a container, so that mutation through the
// API or through Ruchy copies first (value semantics; see src/objects/cow.h).
#include "src/api/api-impl.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy {

namespace i = ruchy::internal;
using api_internal::Access;

namespace {

i::TextForm EngineForm(TextForm form) {
  switch (form) {
    case TextForm::kDisplay:
      return i::TextForm::kDisplay;
    case TextForm::kRepl:
      return i::TextForm::kRepl;
    case TextForm::kDebug:
      return i::TextForm::kDebug;
  }
  return i::TextForm::kDisplay;
}

// The usual ending of an API call that produced a value or failed.
template <class T>
MaybeLocal<T> Finish(i::ApiIsolate* api, i::MaybeHandle<i::Value> result) {
  i::Handle<i::Value> value;
  if (!result.ToHandle(&value)) {
    api->OnPendingException();
    return MaybeLocal<T>();
  }
  i::MarkShared(*value);
  return Access::ToLocal<T>(value);
}

Maybe<bool> FinishBool(i::ApiIsolate* api, bool ok) {
  if (!ok) {
    api->OnPendingException();
    return Nothing<bool>();
  }
  return Just(true);
}

// Writes a possibly replaced (copy-on-write) container back into the Local's own slot.
void WriteBack(const void* that, i::Handle<i::Value> container) {
  *reinterpret_cast<i::Address*>(const_cast<void*>(that)) = container->ptr();
}

}  // namespace

// --- Value -----------------------------------------------------------------------------

bool Value::IsNil() const { return Access::Get(this).IsNil(); }
bool Value::IsBoolean() const { return Access::Get(this).IsBoolean(); }
bool Value::IsTrue() const { return Access::Get(this).IsTrue(); }
bool Value::IsFalse() const { return Access::Get(this).IsFalse(); }
bool Value::IsInteger() const { return Access::Get(this).IsInteger(); }
bool Value::IsFloat() const { return Access::Get(this).IsHeapNumber(); }
bool Value::IsNumber() const { return IsInteger() || IsFloat(); }
bool Value::IsString() const { return Access::Get(this).IsString(); }
bool Value::IsArray() const { return Access::Get(this).IsArray(); }
bool Value::IsTuple() const { return Access::Get(this).IsTuple(); }
bool Value::IsMap() const { return Access::Get(this).IsHashMap(); }
bool Value::IsStruct() const { return Access::Get(this).IsStructObject(); }
bool Value::IsEnum() const { return Access::Get(this).IsEnumValue(); }
bool Value::IsFunction() const { return Access::Get(this).IsClosure(); }
bool Value::IsRange() const { return Access::Get(this).IsRange(); }

const char* Value::TypeName() const { return i::TypeName(Access::Get(this)); }

std::string Value::ToText(TextForm form) const {
  return i::ToText(Access::Get(this), EngineForm(form));
}

MaybeLocal<String> Value::ToString(Local<Context> context) const {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  return Finish<String>(api,
                        i::ToTextString(api->isolate(), Access::Open(this), i::TextForm::kDisplay));
}

bool Value::BooleanValue() const { return i::IsTruthy(Access::Get(this)); }

Maybe<double> Value::NumberValue(Local<Context> context) const {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Value value = Access::Get(this);
  if (value.IsInteger()) return Just(static_cast<double>(i::IntegerValue(value)));
  if (value.IsHeapNumber()) return Just(i::HeapNumber::cast(value).value());
  api->isolate()->ThrowError(std::string("Type error: Cannot convert ") + i::TypeName(value) +
                             " to a number");
  api->OnPendingException();
  return Nothing<double>();
}

Maybe<int64_t> Value::IntegerValue(Local<Context> context) const {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Value value = Access::Get(this);
  if (value.IsInteger()) return Just(i::IntegerValue(value));
  if (value.IsHeapNumber()) {
    // `x as i64`: truncates, and errors for NaN and out-of-range values.
    i::HandleScope scope(api->isolate());
    i::Handle<i::Value> cast;
    if (!i::CastValue(api->isolate(), Access::Open(this), "i64").ToHandle(&cast)) {
      api->OnPendingException();
      return Nothing<int64_t>();
    }
    return Just(i::IntegerValue(*cast));
  }
  api->isolate()->ThrowError(std::string("Type error: Cannot convert ") + i::TypeName(value) +
                             " to an integer");
  api->OnPendingException();
  return Nothing<int64_t>();
}

bool Value::Equals(Local<Value> other) const {
  if (other.IsEmpty()) return false;
  return i::ValuesEqual(Access::Get(this), Access::Get(*other));
}

bool Value::StrictEquals(Local<Value> other) const {
  if (other.IsEmpty()) return false;
  return Access::Get(this) == Access::Get(*other);
}

Local<Value> Nil(Isolate* isolate) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  return Access::ToLocal<Value>(i::Handle<i::Value>(engine->nil_value(), engine));
}

// --- Primitives ------------------------------------------------------------------------

Local<Boolean> Boolean::New(Isolate* isolate, bool value) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  i::Value boolean = value ? engine->true_value() : engine->false_value();
  return Access::ToLocal<Boolean>(i::Handle<i::Value>(boolean, engine));
}

bool Boolean::Value() const { return Access::Get(this).IsTrue(); }

void Boolean::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsBoolean, "boolean");
}

MaybeLocal<Number> Number::New(Isolate* isolate, double value) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  return Finish<Number>(api,
                        i::MaybeHandle<i::Value>(api->isolate()->factory()->NewHeapNumber(value)));
}

double Number::Value() const {
  i::Value value = Access::Get(this);
  if (value.IsInteger()) return static_cast<double>(i::IntegerValue(value));
  return i::HeapNumber::cast(value).value();
}

void Number::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsNumber, "number");
}

MaybeLocal<Integer> Integer::New(Isolate* isolate, int64_t value) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  return Finish<Integer>(api, api->isolate()->factory()->NewInteger(value));
}

int64_t Integer::Value() const { return i::IntegerValue(Access::Get(this)); }

void Integer::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsInteger, "integer");
}

// --- String ----------------------------------------------------------------------------

MaybeLocal<String> String::NewFromUtf8(Isolate* isolate, const char* data, int length) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  if (data == nullptr) data = "";
  std::string_view text =
      length < 0 ? std::string_view(data) : std::string_view(data, static_cast<size_t>(length));
  if (text.size() > i::String::kMaxLength) {
    api->isolate()->ThrowError("Runtime error: String too long");
    api->OnPendingException();
    return MaybeLocal<String>();
  }
  return Finish<String>(api, api->isolate()->factory()->NewStringFromUtf8(text));
}

MaybeLocal<String> String::NewFromUtf8(Isolate* isolate, const std::string& text) {
  return NewFromUtf8(isolate, text.data(), static_cast<int>(text.size()));
}

int String::Length() const {
  return static_cast<int>(i::String::cast(Access::Get(this)).char_count());
}

int String::Utf8Length() const {
  return static_cast<int>(i::String::cast(Access::Get(this)).length());
}

std::string String::Utf8Value() const { return i::String::cast(Access::Get(this)).ToStdString(); }

void String::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsString, "string");
}

// --- Array -----------------------------------------------------------------------------

MaybeLocal<Array> Array::New(Isolate* isolate, int length) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  i::Isolate* engine = api->isolate();
  if (length < 0 || length > i::Array::kMaxLength) {
    engine->ThrowError("Runtime error: Invalid array length " + std::to_string(length));
    api->OnPendingException();
    return MaybeLocal<Array>();
  }
  i::Handle<i::Array> array;
  if (!engine->factory()->NewArray(i::ElementsKind::kGeneric, 0, length).ToHandle(&array)) {
    api->OnPendingException();
    return MaybeLocal<Array>();
  }
  i::Handle<i::Value> nil = engine->factory()->nil_value();
  for (int k = 0; k < length; ++k) {
    if (!i::Array::Push(engine, array, nil)) {
      api->OnPendingException();
      return MaybeLocal<Array>();
    }
  }
  return Access::ToLocal<Array>(array);
}

uint32_t Array::Length() const {
  return static_cast<uint32_t>(i::Array::cast(Access::Get(this)).length());
}

MaybeLocal<Value> Array::Get(Local<Context> context, uint32_t index) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Handle<i::Value> key;
  if (!engine->factory()->NewInteger(index).ToHandle(&key)) {
    api->OnPendingException();
    return MaybeLocal<Value>();
  }
  return Finish<Value>(api, i::GetElement(engine, Access::Open(this), key));
}

Maybe<bool> Array::Set(Local<Context> context, uint32_t index, Local<ruchy::Value> value) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Handle<i::Value> key;
  if (!engine->factory()->NewInteger(index).ToHandle(&key)) return FinishBool(api, false);
  i::Handle<i::Value> element =
      value.IsEmpty() ? engine->factory()->nil_value() : Access::Open(value);
  i::MarkShared(*element);
  i::Handle<i::Value> array = Access::Open(this);
  bool ok = i::SetElement(engine, &array, key, element);
  if (ok) WriteBack(this, array);
  return FinishBool(api, ok);
}

Maybe<bool> Array::Push(Local<Context> context, Local<ruchy::Value> value) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Handle<i::Value> element =
      value.IsEmpty() ? engine->factory()->nil_value() : Access::Open(value);
  i::MarkShared(*element);
  i::Handle<i::CowContainer> array;
  if (!i::EnsureUnshared(engine, i::Handle<i::CowContainer>::cast(Access::Open(this)))
           .ToHandle(&array)) {
    return FinishBool(api, false);
  }
  WriteBack(this, array);
  return FinishBool(api, i::Array::Push(engine, i::Handle<i::Array>::cast(array), element));
}

void Array::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsArray, "array");
}

// --- Map -------------------------------------------------------------------------------

MaybeLocal<Map> Map::New(Isolate* isolate) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  return Finish<Map>(api, api->isolate()->factory()->NewHashMap());
}

size_t Map::Size() const { return static_cast<size_t>(i::HashMap::cast(Access::Get(this)).size()); }

MaybeLocal<Value> Map::Get(Local<Context> context, Local<ruchy::Value> key) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  if (key.IsEmpty()) key = Nil(api->ToPublic());
  return Finish<Value>(api, i::GetElement(api->isolate(), Access::Open(this), Access::Open(key)));
}

Maybe<bool> Map::Has(Local<Context> context, Local<ruchy::Value> key) {
  (void)context;
  if (key.IsEmpty()) return Just(false);
  return Just(i::HashMap::cast(Access::Get(this)).Has(Access::Get(*key)));
}

Maybe<bool> Map::Set(Local<Context> context, Local<ruchy::Value> key, Local<ruchy::Value> value) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  if (key.IsEmpty()) key = Nil(api->ToPublic());
  i::Handle<i::Value> element =
      value.IsEmpty() ? engine->factory()->nil_value() : Access::Open(value);
  i::MarkShared(*element);
  i::MarkShared(Access::Get(*key));
  i::Handle<i::Value> map = Access::Open(this);
  bool ok = i::SetElement(engine, &map, Access::Open(key), element);
  if (ok) WriteBack(this, map);
  return FinishBool(api, ok);
}

Maybe<bool> Map::Delete(Local<Context> context, Local<ruchy::Value> key) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  if (key.IsEmpty() || !i::HashMap::cast(Access::Get(this)).Has(Access::Get(*key))) {
    return Just(false);
  }
  i::Handle<i::CowContainer> map;
  if (!i::EnsureUnshared(api->isolate(), i::Handle<i::CowContainer>::cast(Access::Open(this)))
           .ToHandle(&map)) {
    return FinishBool(api, false);
  }
  WriteBack(this, map);
  return Just(i::HashMap::cast(*map).Remove(api->isolate(), Access::Get(*key)));
}

MaybeLocal<Array> Map::Keys(Local<Context> context) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Handle<i::HashMap> map = i::Handle<i::HashMap>::cast(Access::Open(this));
  i::Handle<i::Array> keys;
  if (!engine->factory()->NewArray(i::ElementsKind::kGeneric, 0, map->size()).ToHandle(&keys)) {
    api->OnPendingException();
    return MaybeLocal<Array>();
  }
  for (int entry = 0; entry < map->table().used_entries(); ++entry) {
    if (!map->table().IsLiveEntry(entry)) continue;
    i::HandleScope scope(engine);
    i::Handle<i::Value> key(map->table().KeyAt(entry), engine);
    i::MarkShared(*key);
    if (!i::Array::Push(engine, keys, key)) {
      api->OnPendingException();
      return MaybeLocal<Array>();
    }
  }
  return Access::ToLocal<Array>(keys);
}

void Map::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsMap, "map");
}

// --- Struct ----------------------------------------------------------------------------

std::string Struct::GetTypeName() const {
  i::Value name = i::StructObject::cast(Access::Get(this)).shape().type_name();
  return name.IsString() ? i::String::cast(name).ToStdString() : std::string();
}

std::vector<std::string> Struct::FieldNames() const {
  i::Shape shape = i::StructObject::cast(Access::Get(this)).shape();
  std::vector<std::string> names;
  i::FixedArray descriptors = shape.descriptors();
  for (int k = 0; k < shape.number_of_fields(); ++k) {
    names.push_back(i::String::cast(descriptors.get(k)).ToStdString());
  }
  return names;
}

namespace {

i::MaybeHandle<i::String> FieldName(i::Isolate* isolate, const std::string& name) {
  return isolate->factory()->InternalizeUtf8String(name);
}

}  // namespace

MaybeLocal<Value> Struct::Get(Local<Context> context, const std::string& field) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Handle<i::String> name;
  if (!FieldName(api->isolate(), field).ToHandle(&name)) {
    api->OnPendingException();
    return MaybeLocal<Value>();
  }
  return Finish<Value>(api, i::GetField(api->isolate(), Access::Open(this), name));
}

Maybe<bool> Struct::Set(Local<Context> context, const std::string& field,
                        Local<ruchy::Value> value) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Handle<i::String> name;
  if (!FieldName(engine, field).ToHandle(&name)) return FinishBool(api, false);
  i::Handle<i::Value> element =
      value.IsEmpty() ? engine->factory()->nil_value() : Access::Open(value);
  i::MarkShared(*element);
  i::Handle<i::Value> object = Access::Open(this);
  bool ok = i::SetField(engine, &object, name, element);
  if (ok) WriteBack(this, object);
  return FinishBool(api, ok);
}

void Struct::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsStruct, "struct");
}

// --- Function --------------------------------------------------------------------------

MaybeLocal<Function> Function::New(Local<Context> context, FunctionCallback callback,
                                   Local<ruchy::Value> data, const std::string& name) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  i::Factory* f = engine->factory();
  if (callback == nullptr) api_internal::FatalApiError("Function::New", "null callback");
  i::Handle<i::String> function_name;
  i::Handle<i::SharedFunctionInfo> shared;
  i::Handle<i::FeedbackCell> cell;
  i::Handle<i::Closure> closure;
  if (!f->InternalizeUtf8String(name.empty() ? "<host function>" : name).ToHandle(&function_name) ||
      !f->NewSharedFunctionInfo(function_name, 0).ToHandle(&shared) ||
      !f->NewFeedbackCell(f->nil_value()).ToHandle(&cell)) {
    api->OnPendingException();
    return MaybeLocal<Function>();
  }
  int index = static_cast<int>(api->host_functions_.size());
  shared->set_function_data(i::Smi::FromInt(i::Isolate::kFirstHostFunctionId - index));
  if (!f->NewClosure(shared, f->nil_value(), cell).ToHandle(&closure)) {
    api->OnPendingException();
    return MaybeLocal<Function>();
  }
  auto entry = std::make_unique<i::ApiIsolate::HostFunction>();
  entry->callback = callback;
  i::Handle<i::Value> data_value = data.IsEmpty() ? f->nil_value() : Access::Open(data);
  entry->data.Reset(engine, data_value);
  api->host_functions_.push_back(std::move(entry));
  return Access::ToLocal<Function>(closure);
}

MaybeLocal<Value> Function::Call(Local<Context> context, int argc, Local<ruchy::Value> argv[]) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  std::vector<i::Handle<i::Value>> args;
  args.reserve(static_cast<size_t>(std::max(argc, 0)));
  for (int k = 0; k < argc; ++k) {
    i::Handle<i::Value> arg =
        argv[k].IsEmpty() ? engine->factory()->nil_value() : Access::Open(argv[k]);
    i::MarkShared(*arg);
    args.push_back(arg);
  }
  return Finish<Value>(api, api->interpreter()->Call(Access::Open(this), argc,
                                                     args.empty() ? nullptr : args.data()));
}

std::string Function::GetName() const {
  return i::Closure::cast(Access::Get(this)).shared().name().ToStdString();
}

void Function::CheckCast(const ruchy::Value* value) {
  api_internal::CheckCast(value, &ruchy::Value::IsFunction, "function");
}

// --- ReturnValue -----------------------------------------------------------------------

namespace api_internal {

namespace {

void SetReturn(Isolate* isolate, Slot* slot, i::MaybeHandle<i::Value> value) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  i::Handle<i::Value> result;
  if (!value.ToHandle(&result)) {
    api->OnPendingException();  // out of memory: goes to the host function's caller
    return;
  }
  *slot = result->ptr();
}

}  // namespace

void SetReturnBoolean(Isolate* isolate, Slot* slot, bool value) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  *slot = (value ? engine->true_value() : engine->false_value()).ptr();
}

void SetReturnInteger(Isolate* isolate, Slot* slot, int64_t value) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  i::HandleScope scope(engine);
  SetReturn(isolate, slot, engine->factory()->NewInteger(value));
}

void SetReturnFloat(Isolate* isolate, Slot* slot, double value) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  i::HandleScope scope(engine);
  SetReturn(isolate, slot, engine->factory()->NewHeapNumber(value));
}

void SetReturnNil(Isolate* isolate, Slot* slot) {
  *slot = i::ApiIsolate::From(isolate)->isolate()->nil_value().ptr();
}

}  // namespace api_internal

}  // namespace ruchy
