"""Catalogue entries (see briefgen.messages): words shared by every area."""

from ..i18n import Text

refusal = Text("BG001", "{what}; briefgen reads {limit}; {fix}",
               "{what}；briefgen 最多只读{limit}；{fix}")
"""A limit refused: what was found, the limit (its name in briefgen.limits), how to fix the input."""

file_not_found = Text("BG002", "file not found; check the path", "找不到这个文件，请检查路径")
not_a_file = Text("BG003", "not a regular file (a folder, a pipe or a device); give the path of a data file",
                  "这不是普通文件（而是文件夹、管道或设备），请给出数据文件的路径")
dangling_link = Text("BG004", "a symbolic link that leads nowhere or back to itself; give the path of the file itself",
                     "这是一个指向不存在位置或指回自身的链接，请直接给出文件本身的路径")
unreachable = Text("BG005", "cannot be reached (a symbolic link loop or a path that is too long); give the path of the file itself",
                   "无法访问（链接循环或路径过长），请直接给出文件本身的路径")
cannot_read = Text("BG006", "cannot be read ({reason})", "无法读取（{reason}）")
os_failure = Text("BG007", "{where}{reason}", "{where}{reason}")
interrupted = Text("BG008", "interrupted; no half-written files were left", "已中断；没有留下写了一半的文件")
unexpected = Text("BG009", "briefgen failed unexpectedly ({kind}: {detail}); this is a fault in briefgen, not in your files: "
                  "run the command again with --debug and send its output to the maintainers",
                  "briefgen 意外出错（{kind}：{detail}），这是 briefgen 自身的故障，不是您文件的问题："
                  "请加上 --debug 重新运行，并把输出发给维护人员")
megabytes = Text("BG010", "{n} MB", "{n} MB")
byte_count = Text("BG011", "{n} bytes", "{n} 字节")
not_text = Text("BG012", "not UTF-8 or GB18030 text (byte {byte}); save the file as {save_as}",
                "不是 UTF-8 或 GB18030 编码的文字（第 {byte} 字节）；请把文件另存为 {save_as}")
outside_folder = Text("BG013", "outside the folder the page works on: the page reads only the files dropped on it and the folder it "
                      "serves; drop this file on the page and name it without a folder",
                      "不在网页所用的文件夹内：网页只读取拖放到网页上的文件和它打开的文件夹；请把这个文件拖放到网页上，并只写文件名、不写文件夹")
