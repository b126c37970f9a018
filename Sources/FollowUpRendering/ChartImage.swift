import FollowUpModel
import FollowUpReports
import Foundation
import ZIPFoundation

/// A chart as a PNG picture: the fallback a Word report carries beside the SVG (which Word 2016
/// and later show, with their labels), for readers that show no SVG. Shapes only, in the report's
/// colours: the labels and counts are in the table under each chart.
struct ChartImage {
    var width: Int
    var height: Int
    /// RGB, row after row.
    private var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = Array(repeating: 0xFF, count: width * height * 3)
    }

    /// Fills the rectangle at (`x`, `y`) of `w` × `h` pixels (clipped to the picture) with `colour`
    /// ("#1a7f37").
    mutating func fill(x: Int, y: Int, w: Int, h: Int, _ colour: String) {
        let rgb = Self.rgb(colour)
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                let at = (row * width + column) * 3
                pixels[at] = rgb.0
                pixels[at + 1] = rgb.1
                pixels[at + 2] = rgb.2
            }
        }
    }

    static func rgb(_ colour: String) -> (UInt8, UInt8, UInt8) {
        let hex = UInt32(colour.dropFirst(), radix: 16) ?? 0
        return (UInt8(hex >> 16 & 0xFF), UInt8(hex >> 8 & 0xFF), UInt8(hex & 0xFF))
    }

    // MARK: Charts

    /// Stacked bars, one row per bar, each as wide as the picture, in the statuses' colours.
    static func bars(_ chart: StatusChart) -> ChartImage {
        let rowHeight = 24
        var image = ChartImage(width: 1200, height: max(1, chart.bars.count) * rowHeight + 8)
        for (index, bar) in chart.bars.enumerated() {
            let y = index * rowHeight + 4
            var x = 0.0
            let total = Double(max(bar.total, 1))
            for group in StatusGroup.allCases {
                let count = bar.counts[group] ?? 0
                guard count > 0 else { continue }
                let end = x + Double(image.width) * Double(count) / total
                image.fill(
                    x: Int(x.rounded()), y: y, w: max(1, Int(end.rounded()) - Int(x.rounded())), h: rowHeight - 6,
                    HTMLRenderer.colours[group] ?? "#ffffff")
                x = end
            }
            image.frame(x: 0, y: y, w: image.width, h: rowHeight - 6)
        }
        return image
    }

    /// A timeline's months as columns of their entries, stacked by status, on a time axis.
    static func timeline(_ timeline: Timeline) -> ChartImage? {
        let months = timeline.monthCounts
        guard let first = months.first, let last = months.last else { return nil }
        let startYear = first.year
        let endYear = max(last.year, startYear) + 1
        var image = ChartImage(width: 1200, height: 200)
        let plot = 180
        let step = Double(image.width - 40) / Double((endYear - startYear) * 12)
        let tallest = Double(months.map(\.total).max() ?? 1)
        for month in months {
            let x = 20 + Int((Double((month.year - startYear) * 12 + month.month - 1) * step).rounded())
            var y = plot
            for group in StatusGroup.allCases {
                let count = month.counts[group] ?? 0
                guard count > 0 else { continue }
                let h = max(1, Int((Double(count) / tallest * Double(plot - 10)).rounded()))
                y -= h
                image.fill(
                    x: x, y: y, w: max(2, Int(step * 0.8)), h: h, HTMLRenderer.colours[group] ?? "#ffffff")
            }
        }
        image.fill(x: 20, y: plot, w: image.width - 40, h: 1, "#57606a")
        for year in startYear...endYear {
            image.fill(x: 20 + Int((Double((year - startYear) * 12) * step).rounded()), y: plot, w: 1, h: 6, "#57606a")
        }
        return image
    }

    /// A one-pixel outline.
    mutating func frame(x: Int, y: Int, w: Int, h: Int) {
        fill(x: x, y: y, w: w, h: 1, "#8c959f")
        fill(x: x, y: y + h - 1, w: w, h: 1, "#8c959f")
        fill(x: x, y: y, w: 1, h: h, "#8c959f")
        fill(x: x + w - 1, y: y, w: 1, h: h, "#8c959f")
    }

    // MARK: PNG

    /// The picture as a PNG file: 8-bit RGB, its rows deflated (zlib, through ZIPFoundation).
    func png() throws -> Data {
        var raw = Data(capacity: (width * 3 + 1) * height)
        for row in 0..<height {
            raw.append(0)  // no filter
            raw.append(contentsOf: pixels[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var deflated = Data()
        _ = try Data.compress(size: Int64(raw.count), bufferSize: 1 << 16) { position, size in
            raw.subdata(in: Int(position)..<Int(position) + size)
        } consumer: {
            deflated.append($0)
        }
        // A zlib stream: its header (deflate, 32 KB window), the deflated data, Adler-32 of the rows.
        var zlib = Data([0x78, 0x9C])
        zlib.append(deflated)
        zlib.append(contentsOf: Self.bigEndian(Self.adler32(raw)))
        var file = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data(Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height)))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter method, no interlace
        file.append(Self.chunk("IHDR", header))
        file.append(Self.chunk("IDAT", zlib))
        file.append(Self.chunk("IEND", Data()))
        return file
    }

    static func chunk(_ type: String, _ data: Data) -> Data {
        var chunk = Data(bigEndian(UInt32(data.count)))
        var body = Data(type.utf8)
        body.append(data)
        chunk.append(body)
        chunk.append(contentsOf: bigEndian(body.crc32(checksum: 0)))
        return chunk
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}
