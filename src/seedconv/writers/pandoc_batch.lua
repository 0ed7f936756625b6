-- seedconv: many pandoc conversions in one long-lived pandoc process.
--
-- Run as `pandoc lua pandoc_batch.lua` by seedconv.writers.pandoc_run
-- (run_many).  Saves one pandoc start-up per document and format: the
-- Python side writes requests on stdin and reads the answers on stdout, one
-- at a time, for as long as it keeps the process.
--
-- Request:  "<to> <nbytes> <flags>\n" followed by <nbytes> of pandoc JSON.
--           <flags> is "-" or a comma list of "standalone" and
--           "wrap=none|auto|preserve" (what `pandoc --standalone --wrap=...`
--           would be given).
-- Answer:   "ok <nbytes>\n" followed by the output bytes, or
--           "err <nbytes>\n" followed by the error message.
--
-- The writer options are the ones the pandoc command line derives from the
-- same arguments: a standalone text format and every EPUB get the default
-- template of their format; nothing else is set.  `pandoc lua` has no user
-- data directory, so only pandoc's built-in templates and reference files
-- are used (as with seedconv's empty --data-dir); SOURCE_DATE_EPOCH comes
-- from the environment.  Outputs are byte-identical to `pandoc -f json -t
-- <to> <args>` (tests/test_scale.py checks it).

local templates = {}

local function default_template(fmt)
  if templates[fmt] == nil then
    templates[fmt] = pandoc.template.compile(pandoc.template.default(fmt))
  end
  return templates[fmt]
end

local function options(to, flags)
  local opts = {}
  local standalone = to:match('^epub') ~= nil
  for flag in flags:gmatch('[^,]+') do
    if flag == 'standalone' then
      standalone = true
    elseif flag:match('^wrap=') then
      opts.wrap_text = flag:sub(6)
    end
  end
  if standalone and not (to == 'docx' or to == 'odt' or to == 'pptx') then
    opts.template = default_template(to)
  end
  return opts
end

io.stdout:setvbuf('full')
while true do
  local header = io.stdin:read('l')
  if header == nil or header == '' then break end
  local to, n, flags = header:match('^(%S+) (%d+) (%S+)$')
  if to == nil then
    io.stdout:write('err 14\nbad request line')
    io.stdout:flush()
    break
  end
  local data = io.stdin:read(tonumber(n))
  local ok, out = pcall(function()
    return pandoc.write(pandoc.read(data, 'json'), to, options(to, flags))
  end)
  if not ok then
    out = tostring(out)
    io.stdout:write('err ', #out, '\n', out)
  else
    io.stdout:write('ok ', #out, '\n', out)
  end
  io.stdout:flush()
end
