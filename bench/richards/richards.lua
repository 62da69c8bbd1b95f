-- richards: a larger program — Martin Richards' OS task-scheduler simulation, written for
-- this suite after the classic benchmark, with metatable classes. Task state is three
-- booleans (as in the other versions), so only the idle task's XOR needs a bit operation.
local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 0, 1, 2, 3, 4, 5
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

-- Lua 5.4 has the ~ operator; LuaJIT (Lua 5.1) has the bit library. The 5.4 form is
-- compiled from a string so that LuaJIT's parser never sees it.
local bxor = (bit and bit.bxor) or load("return function(a, b) return a ~ b end")()

local Packet = {}
Packet.__index = Packet

function Packet.new(link, id, kind)
  local a2 = {}
  for i = 1, DATA_SIZE do a2[i] = 0 end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 0, a2 = a2 }, Packet)
end

-- Appends this packet to the end of `queue`; returns the new head.
function Packet:add_to(queue)
  self.link = nil
  if queue == nil then return self end
  local peek = queue
  while peek.link ~= nil do peek = peek.link end
  peek.link = self
  return queue
end

local Tcb = {}
Tcb.__index = Tcb

function Tcb.new(link, id, priority, queue, task)
  return setmetatable({
    link = link, id = id, priority = priority, queue = queue, task = task,
    packet_pending = queue ~= nil, task_waiting = true, task_holding = false,
  }, Tcb)
end

function Tcb:set_running()
  self.packet_pending = false
  self.task_waiting = false
  self.task_holding = false
end

function Tcb:mark_as_not_held() self.task_holding = false end
function Tcb:mark_as_held() self.task_holding = true end
function Tcb:mark_as_suspended() self.task_waiting = true end
function Tcb:mark_as_runnable() self.packet_pending = true end

function Tcb:is_held_or_suspended()
  return self.task_holding or (not self.packet_pending and self.task_waiting)
end

function Tcb:run()
  local packet = nil
  if self.packet_pending and self.task_waiting and not self.task_holding then
    packet = self.queue
    self.queue = packet.link
    self.packet_pending = self.queue ~= nil
    self.task_waiting = false
  end
  return self.task:run(packet)
end

-- Adds `packet` to this task's queue; returns the task to run next.
function Tcb:check_priority_add(current, packet)
  if self.queue == nil then
    self.queue = packet
    self:mark_as_runnable()
    if self.priority > current.priority then return self end
  else
    self.queue = packet:add_to(self.queue)
  end
  return current
end

local IdleTask, DeviceTask, WorkerTask, HandlerTask = {}, {}, {}, {}
IdleTask.__index = IdleTask
DeviceTask.__index = DeviceTask
WorkerTask.__index = WorkerTask
HandlerTask.__index = HandlerTask

local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  return setmetatable({
    queue_count = 0, hold_count = 0, blocks = {}, list = nil, current_tcb = nil, current_id = 0,
  }, Scheduler)
end

function Scheduler:add_task(id, priority, queue, task)
  self.current_tcb = Tcb.new(self.list, id, priority, queue, task)
  self.list = self.current_tcb
  self.blocks[id + 1] = self.current_tcb
end

function Scheduler:add_idle_task(id, priority, queue, count)
  self:add_task(id, priority, queue, setmetatable({ scheduler = self, v1 = 1, count = count }, IdleTask))
  self.current_tcb:set_running()
end

function Scheduler:add_worker_task(id, priority, queue)
  self:add_task(id, priority, queue,
                setmetatable({ scheduler = self, destination = ID_HANDLER_A, count = 0 }, WorkerTask))
end

function Scheduler:add_handler_task(id, priority, queue)
  self:add_task(id, priority, queue, setmetatable({ scheduler = self }, HandlerTask))
end

function Scheduler:add_device_task(id, priority, queue)
  self:add_task(id, priority, queue, setmetatable({ scheduler = self }, DeviceTask))
end

function Scheduler:schedule()
  self.current_tcb = self.list
  while self.current_tcb ~= nil do
    if self.current_tcb:is_held_or_suspended() then
      self.current_tcb = self.current_tcb.link
    else
      self.current_id = self.current_tcb.id
      self.current_tcb = self.current_tcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id + 1]
  if tcb == nil then return tcb end
  tcb:mark_as_not_held()
  if tcb.priority > self.current_tcb.priority then return tcb end
  return self.current_tcb
end

function Scheduler:hold_current()
  self.hold_count = self.hold_count + 1
  self.current_tcb:mark_as_held()
  return self.current_tcb.link
end

function Scheduler:suspend_current()
  self.current_tcb:mark_as_suspended()
  return self.current_tcb
end

function Scheduler:queue(packet)
  local target = self.blocks[packet.id + 1]
  if target == nil then return target end
  self.queue_count = self.queue_count + 1
  packet.link = nil
  packet.id = self.current_id
  return target:check_priority_add(self.current_tcb, packet)
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:hold_current() end
  local half = math.floor(self.v1 / 2)
  if self.v1 % 2 == 0 then
    self.v1 = half
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = bxor(half, 0xD008)
  return self.scheduler:release(ID_DEVICE_B)
end

function DeviceTask:run(packet)
  if packet == nil then
    if self.pending == nil then return self.scheduler:suspend_current() end
    local v = self.pending
    self.pending = nil
    return self.scheduler:queue(v)
  end
  self.pending = packet
  return self.scheduler:hold_current()
end

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspend_current() end
  if self.destination == ID_HANDLER_A then
    self.destination = ID_HANDLER_B
  else
    self.destination = ID_HANDLER_A
  end
  packet.id = self.destination
  packet.a1 = 0
  local a2 = packet.a2
  for i = 1, DATA_SIZE do
    self.count = self.count + 1
    if self.count > 26 then self.count = 1 end
    a2[i] = self.count
  end
  return self.scheduler:queue(packet)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.work_queue = packet:add_to(self.work_queue)
    else
      self.device_queue = packet:add_to(self.device_queue)
    end
  end
  local work = self.work_queue
  if work ~= nil then
    local count = work.a1
    if count < DATA_SIZE then
      local device = self.device_queue
      if device ~= nil then
        self.device_queue = device.link
        device.a1 = work.a2[count + 1]
        work.a1 = count + 1
        return self.scheduler:queue(device)
      end
    else
      self.work_queue = work.link
      return self.scheduler:queue(work)
    end
  end
  return self.scheduler:suspend_current()
end

local function run_richards(count)
  local scheduler = Scheduler.new()
  scheduler:add_idle_task(ID_IDLE, 0, nil, count)

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  scheduler:add_worker_task(ID_WORKER, 1000, queue)

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  scheduler:add_handler_task(ID_HANDLER_A, 2000, queue)

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  scheduler:add_handler_task(ID_HANDLER_B, 3000, queue)

  scheduler:add_device_task(ID_DEVICE_A, 4000, nil)
  scheduler:add_device_task(ID_DEVICE_B, 5000, nil)
  scheduler:schedule()
  return scheduler
end

local count = tonumber(arg and arg[1]) or 250000
local scheduler = run_richards(count)
print(string.format("richards %d: queue count %d, hold count %d",
                    count, scheduler.queue_count, scheduler.hold_count))
