// Fixture for the value-ops tests: builders for every value kind (arrays, tuples, maps,
// structs, class instances, enums, closures, ranges) and helpers that run an operation and
// return its result's text or its error message.
#ifndef RUCHY_TEST_UNITTESTS_RUNTIME_VALUE_TEST_UTILS_H_
#define RUCHY_TEST_UNITTESTS_RUNTIME_VALUE_TEST_UTILS_H_

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "src/objects/builtin-enums.h"
#include "src/runtime/value-ops.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {

class ValueOpsTest : public HeapTest {
 protected:
  using H = Handle<Value>;

  H Nil() { return factory()->nil_value(); }
  H Bool(bool b) { return factory()->ToBoolean(b); }
  H S(std::string_view s) { return Str(s); }

  H Arr(std::initializer_list<H> items) {
    Handle<Array> array = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
    for (H item : items) CHECK(Array::Push(isolate(), array, item));
    return array;
  }
  H Tup(std::initializer_list<H> items) {
    Handle<Tuple> tuple = Check(factory()->NewTuple(static_cast<int>(items.size())));
    int i = 0;
    for (H item : items) tuple->set(i++, *item);
    return tuple;
  }
  H Map(std::initializer_list<std::pair<H, H>> entries) {
    Handle<HashMap> map = Check(factory()->NewHashMap());
    for (const auto& [k, v] : entries) CHECK(HashMap::Insert(isolate(), map, k, v));
    return map;
  }
  H RangeOf(H from, H to, bool inclusive) {
    return Check(factory()->NewRange(from, to, inclusive));
  }
  Handle<Shape> StructShape(std::string_view name, std::initializer_list<std::string_view> fields) {
    Handle<FixedArray> names = Check(factory()->NewFixedArray(static_cast<int>(fields.size())));
    int i = 0;
    for (std::string_view f : fields) names->set(i++, *Name(f));
    return Check(factory()->NewStructShape(Name(name), names));
  }
  H Struct(Handle<Shape> shape, std::initializer_list<H> values) {
    Handle<StructObject> object = Check(factory()->NewStructObject(shape));
    int i = 0;
    for (H v : values) object->set_field(i++, *v);
    return object;
  }
  H Instance(std::string_view class_name,
             std::initializer_list<std::pair<std::string_view, H>> fields) {
    Handle<Shape> shape = Check(factory()->NewPlainObjectShape(Name(class_name), 2));
    Handle<PlainObject> object = Check(factory()->NewPlainObject(shape));
    for (const auto& [name, v] : fields)
      CHECK(PlainObject::SetField(isolate(), object, Name(name), v));
    return object;
  }
  // enum Shape { Circle(r), Rect { w, h }, Empty }
  Handle<EnumDescriptor> ShapeEnum() {
    Handle<FixedArray> variants = Check(factory()->NewFixedArray(3));
    variants->set(0, *Name("Circle"));
    variants->set(1, *Name("Rect"));
    variants->set(2, *Name("Empty"));
    Handle<FixedArray> fields = Check(factory()->NewFixedArray(3));
    Handle<FixedArray> rect_fields = Check(factory()->NewFixedArray(2));
    rect_fields->set(0, *Name("w"));
    rect_fields->set(1, *Name("h"));
    fields->set(1, *rect_fields);
    return Check(factory()->NewEnumDescriptor(Name("Shape"), variants, fields));
  }
  H Variant(Handle<EnumDescriptor> descriptor, int variant, std::initializer_list<H> payload) {
    Handle<EnumValue> value =
        Check(factory()->NewEnumValue(descriptor, variant, static_cast<int>(payload.size())));
    int i = 0;
    for (H v : payload) value->set_payload(i++, *v);
    return value;
  }
  H Some(H v) { return Check(NewSome(isolate(), v)); }
  H None() { return Check(NewNone(isolate())); }
  H Closure() {
    Handle<SharedFunctionInfo> sfi = Check(factory()->NewSharedFunctionInfo(Name("f"), 0));
    Handle<FeedbackCell> cell = Check(factory()->NewFeedbackCell(Nil()));
    return Check(factory()->NewClosure(sfi, Nil(), cell));
  }

  std::string Text(H v, TextForm form = TextForm::kDisplay) { return ToText(*v, form); }

  // The pending error's text (and clears it); "<no error>" when nothing is pending.
  std::string TakeError() {
    if (!isolate()->has_pending_exception()) return "<no error>";
    Value e = isolate()->pending_exception();
    std::string text = e.IsString() ? String::cast(e).ToStdString() : "<non-string>";
    isolate()->clear_pending_exception();
    return text;
  }
  // An operation's result text (display form) or "error: <message>".
  std::string Result(MaybeHandle<Value> result, TextForm form = TextForm::kDisplay) {
    Handle<Value> h;
    if (!result.ToHandle(&h)) return "error: " + TakeError();
    EXPECT_FALSE(isolate()->has_pending_exception());
    return ToText(*h, form);
  }
  std::string Bin(BinaryOp op, H a, H b) { return Result(BinaryOperation(isolate(), op, a, b)); }
  std::string Un(UnaryOp op, H a) { return Result(UnaryOperation(isolate(), op, a)); }
  std::string Cast(H v, std::string_view type) { return Result(CastValue(isolate(), v, type)); }
  std::string Cmp(H a, H b) {
    std::optional<int> r = CompareValues(isolate(), *a, *b);
    if (!r) return "error: " + TakeError();
    return *r < 0 ? "<" : (*r > 0 ? ">" : "=");
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_TEST_UNITTESTS_RUNTIME_VALUE_TEST_UTILS_H_
