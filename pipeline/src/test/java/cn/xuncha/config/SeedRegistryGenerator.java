package cn.xuncha.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One-off generator of seeds/points.yaml: 83 placeholder points with typical names, units and 166 cameras.
 * Deterministic (fixed seed). The committed YAML is the source of truth and may be edited by hand; rerun with
 * {@code java -cp <test classpath> cn.xuncha.config.SeedRegistryGenerator seeds/points.yaml} only to start over.
 */
public final class SeedRegistryGenerator {
    private static final String[] STREETS = {"城关街道", "东城街道", "西城街道", "南湖街道"};
    private static final String[] TOWNS = {"高桥镇", "西河镇", "白沙镇", "新塘镇"};
    private static final Random RND = new Random(20190424);
    private final List<PointConfig> points = new ArrayList<>();
    private final java.util.Map<Integer, Integer> hostsPerSubnet = new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        SeedRegistryGenerator g = new SeedRegistryGenerator();
        g.generate();
        String header = """
                Seed registry: the district's 83 national assessment points (国测点位), 166 cameras.
                Names, units, addresses and coordinates are placeholders; a real district imports its own list:
                  ./xuncha points import 点位台账.xlsx --force
                Camera credentials come from the environment: export CAM_USER=... CAM_PASS=... before starting the
                service. To check this file without them: ./xuncha points validate --allow-missing-env

                """ + PointRegistryWriter.SCHEMA_HEADER;
        Files.writeString(Path.of(args[0]), PointRegistryWriter.write(g.points, header), StandardCharsets.UTF_8);
        System.out.println(g.points.size() + " points, " + g.points.stream().mapToInt(p -> p.cameras().size()).sum() + " cameras");
    }

    private void generate() {
        String[] roads = {"人民路", "解放路", "建设路", "中山路", "五一路", "迎宾大道", "滨江路", "新华路", "长安路", "文化路", "光明路", "府前路"};
        for (int i = 0; i < roads.length; i++) {
            add(roads[i] + (i < 6 ? "(主干道)" : "(次干道)"), "主次干道", i % 3 == 0 ? "区城管局" : STREETS[i % 4], i < 6 ? 3 : 2, null, "人行道禁停区", ZoneRule.NO_PARKING, "5m");
        }
        String[] alleys = {"解放路背街小巷", "杨柳巷", "青石巷", "书院巷", "打铁巷", "仓前巷", "柴家巷", "学宫巷",
                "太平巷", "盐井巷", "水巷口", "三眼井巷", "城隍庙巷", "财神巷", "米市巷", "建设路背街小巷"};
        for (int i = 0; i < alleys.length; i++) add(alleys[i], "背街小巷", STREETS[i % 4], i < 4 ? 2 : 1, null, null, null, null);
        String[] estates = {"纺织厂老旧小区", "机械厂宿舍区", "粮食局宿舍", "化肥厂小区", "供销社宿舍", "水泥厂老小区", "电力宿舍区",
                "卫生局宿舍", "林业局宿舍", "印刷厂小区", "糖厂宿舍", "棉纺厂生活区", "交通局宿舍", "烟草公司老宿舍"};
        for (int i = 0; i < estates.length; i++) add(estates[i], "老旧小区", STREETS[i % 4], 2, null, i % 3 == 0 ? "消防通道" : null, ZoneRule.PASSAGE, "30m");
        String[] markets = {"城南农贸市场", "东门农贸市场", "西城农贸市场", "高桥农贸市场", "新塘农贸市场"};
        String[] marketUnits = {"城关街道", "东城街道", "西城街道", "高桥镇", "新塘镇"};
        for (int i = 0; i < markets.length; i++) add(markets[i], "农贸市场", marketUnits[i], 3, null, "门前禁摆区", ZoneRule.NO_VENDING, "10m");
        add("区汽车站", "车站", "区交通运输局", 3, null, "站前禁停区", ZoneRule.NO_PARKING, "3m");
        add("火车站站前广场", "车站", "区交通运输局", 3, null, "站前禁停区", ZoneRule.NO_PARKING, "3m");
        String[] schools = {"第一中学周边", "实验小学周边", "第三中学周边", "城东小学周边"};
        for (int i = 0; i < schools.length; i++) add(schools[i], "学校周边", STREETS[i], 2, null, "校门口禁摆区", ZoneRule.NO_VENDING, "5m");
        for (String park : new String[] {"人民公园", "市民广场", "滨江公园"}) add(park, "公园广场", "区城管局", 3, null, null, null, null);
        add("步行街", "商业大街", "城关街道", 3, null, "店外禁摆区", ZoneRule.NO_VENDING, "10m");
        add("五一路商业街", "商业大街", "东城街道", 3, null, "店外禁摆区", ZoneRule.NO_VENDING, "10m");
        add("区人民医院周边", "医院", "西城街道", 2, null, "门诊门前禁停区", ZoneRule.NO_PARKING, "5m");
        add("区中医院周边", "医院", "南湖街道", 2, null, "门诊门前禁停区", ZoneRule.NO_PARKING, "5m");
        add("园丁社区", "社区", "南湖街道", 2, null, null, null, null);
        add("桂花社区", "社区", "东城街道", 2, null, null, null, null);
        String[] highways = {"G320国道沿线(高桥段)", "S206省道沿线(白沙段)", "县道X035沿线(西河段)", "沪昆高速连接线沿线"};
        String[] hwUnits = {"高桥镇", "白沙镇", "西河镇", "区交通运输局"};
        for (int i = 0; i < highways.length; i++) add(highways[i], "公路沿线", hwUnits[i], 2, Duration.ofSeconds(10), null, null, null);
        add("沪昆铁路沿线(西城段)", "铁路沿线", "西城街道", 2, Duration.ofSeconds(10), null, null, null);
        add("沪昆铁路沿线(新塘段)", "铁路沿线", "新塘镇", 2, Duration.ofSeconds(10), null, null, null);
        add("西河河道沿线", "河道沿线", "区水利局", 2, Duration.ofSeconds(10), null, null, null);
        add("白沙河河道沿线", "河道沿线", "白沙镇", 2, Duration.ofSeconds(10), null, null, null);
        add("南湖水系沿线", "河道沿线", "区水利局", 2, Duration.ofSeconds(10), null, null, null);
        String[] markets2 = {"高桥集镇", "西河集镇", "白沙集镇", "新塘集镇", "柳塘集镇", "龙口集镇"};
        String[] m2Units = {"高桥镇", "西河镇", "白沙镇", "新塘镇", "高桥镇", "白沙镇"};
        for (int i = 0; i < markets2.length; i++) add(markets2[i], "集镇", m2Units[i], 2, null, "街面禁摆区", ZoneRule.NO_VENDING, "10m");
        String[] villages = {"李家村", "王家村", "枫树村", "石桥村", "荷塘村", "龙口村"};
        for (int i = 0; i < villages.length; i++) add(villages[i], "村庄", TOWNS[i % 4], 1, Duration.ofSeconds(30), null, null, null);
    }

    private void add(String name, String type, String unit, int cams, Duration every, String zoneName, ZoneRule rule, String dwell) {
        String id = String.format("GC%03d", points.size() + 1);
        boolean village = type.equals("村庄");
        List<CameraConfig> cameras = new ArrayList<>();
        String[] sides = type.equals("农贸市场") ? new String[] {"正门", "内场", "外围"}
                : type.equals("车站") ? new String[] {"进站口", "出站口", "停车场"} : new String[] {"东段", "西段", "中段"};
        for (int c = 0; c < cams; c++) {
            List<ZoneConfig> zones = new ArrayList<>();
            if (zoneName != null && c == 0) zones.add(new ZoneConfig(zoneName, rule, List.of(
                    new int[] {0, 620}, new int[] {1920, 560}, new int[] {1920, 1080}, new int[] {0, 1080}), Durations.parse(dwell)));
            if (type.equals("主次干道") && c == 0) zones.add(new ZoneConfig("画面时间水印", ZoneRule.IGNORE, List.of(
                    new int[] {0, 0}, new int[] {760, 0}, new int[] {760, 80}, new int[] {0, 80}), null)); // dwell means nothing for ignore
            cameras.add(new CameraConfig(id + "-" + (c + 1), cams == 1 ? name : name + sides[c], url(unit, village), every, zones));
        }
        Double lat = village ? null : round(28.20 + (RND.nextDouble() - 0.5) * 0.16);
        Double lon = village ? null : round(112.95 + (RND.nextDouble() - 0.5) * 0.16);
        points.add(new PointConfig(id, name, type, unit, lat, lon, cameras));
    }

    private String url(String unit, boolean snapshot) {
        int subnet = 11 + List.of("城关街道", "东城街道", "西城街道", "南湖街道", "高桥镇", "西河镇", "白沙镇", "新塘镇",
                "区城管局", "区交通运输局", "区水利局").indexOf(unit);
        String host = "10.20." + subnet + "." + (100 + hostsPerSubnet.merge(subnet, 1, Integer::sum));
        // villages use cheap cameras polled for a JPEG snapshot; everything else streams RTSP (Hikvision main stream)
        return snapshot ? "http://${CAM_USER}:${CAM_PASS}@" + host + "/ISAPI/Streaming/channels/101/picture"
                : "rtsp://${CAM_USER}:${CAM_PASS}@" + host + ":554/Streaming/Channels/101";
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
