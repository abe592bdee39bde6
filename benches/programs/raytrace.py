"""Raytrace: a small recursive ray tracer (spheres, a checkered plane, point lights,
Lambert + Blinn-Phong shading, shadows, reflections) rendering an N x N image.
Measures small-object allocation, operator overloading (__add__/__mul__...) and float math."""
import math
import sys


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, s):
        return Vec(self.x * s, self.y * s, self.z * s)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        inv = 1.0 / self.length()
        return Vec(self.x * inv, self.y * inv, self.z * inv)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Color:
    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Color(self.r + o.r, self.g + o.g, self.b + o.b)

    def scale(self, s):
        return Color(self.r * s, self.g * s, self.b * s)

    def mix(self, o):
        return Color(self.r * o.r, self.g * o.g, self.b * o.b)


BLACK = Color(0.0, 0.0, 0.0)
EPS = 1e-6


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess_log2, reflect, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess_log2 = shininess_log2  # specular exponent = 2 ** shininess_log2
        self.reflect = reflect
        self.checker = checker

    def color_at(self, point):
        if self.checker is None:
            return self.color
        cx = math.floor(point.x)
        cz = math.floor(point.z)
        if (int(cx) + int(cz)) % 2 == 0:
            return self.color
        return self.checker


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPS:
            return t
        t = -b + root
        if t > EPS:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPS:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPS:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = Color(0.08, 0.08, 0.1)
        self.background = Color(0.2, 0.3, 0.5)
        self.max_depth = 3

    def nearest(self, ray):
        best_t = None
        best_obj = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_obj = obj
        return best_obj, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        dist = to_light.length()
        ray = Ray(point, to_light * (1.0 / dist))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        mat = obj.material
        base = mat.color_at(point)
        result = base.mix(self.ambient)
        lift = point + normal * 1e-4
        for light in self.lights:
            if self.in_shadow(lift, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert <= 0.0:
                continue
            result = result + base.mix(light.color).scale(lambert * mat.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0.0:
                for _ in range(mat.shininess_log2):
                    spec = spec * spec
                result = result + light.color.scale(spec * mat.specular)
        if mat.reflect > 0.0 and depth < self.max_depth:
            refl_dir = ray.direction.reflect(normal).normalized()
            refl = self.trace(Ray(lift, refl_dir), depth + 1)
            result = result + refl.scale(mat.reflect)
        return result


def build_scene():
    scene = Scene()
    red = Material(Color(0.9, 0.2, 0.2), 0.8, 0.5, 5, 0.25)
    green = Material(Color(0.2, 0.8, 0.3), 0.7, 0.3, 4, 0.1)
    mirror = Material(Color(0.9, 0.9, 0.9), 0.2, 0.9, 6, 0.7)
    floor = Material(Color(0.95, 0.95, 0.95), 0.9, 0.1, 3, 0.15, Color(0.1, 0.1, 0.1))
    scene.objects.append(Sphere(Vec(0.0, 1.0, -6.0), 1.0, red))
    scene.objects.append(Sphere(Vec(-2.2, 0.7, -5.0), 0.7, green))
    scene.objects.append(Sphere(Vec(2.0, 1.3, -7.5), 1.3, mirror))
    scene.objects.append(Sphere(Vec(0.8, 0.35, -4.0), 0.35, green))
    scene.objects.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor))
    scene.lights.append(Light(Vec(-5.0, 8.0, 0.0), Color(0.9, 0.85, 0.8)))
    scene.lights.append(Light(Vec(6.0, 5.0, -2.0), Color(0.3, 0.35, 0.5)))
    return scene


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vec(0.0, 1.2, 0.5)
    aspect = width / height
    pixels = []
    for j in range(height):
        sy = (1.0 - 2.0 * (j + 0.5) / height) * 0.75
        for i in range(width):
            sx = (2.0 * (i + 0.5) / width - 1.0) * 0.75 * aspect
            direction = Vec(sx, sy, -1.0).normalized()
            c = scene.trace(Ray(eye, direction), 0)
            pixels.append((to_byte(c.r), to_byte(c.g), to_byte(c.b)))
    return pixels


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 160
    scene = build_scene()
    pixels = render(scene, size, size)
    checksum = 0
    total = [0, 0, 0]
    for (r, g, b) in pixels:
        checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
        total[0] += r
        total[1] += g
        total[2] += b
    print("%dx%d pixels=%d" % (size, size, len(pixels)))
    print("sum r=%d g=%d b=%d checksum=%d" % (total[0], total[1], total[2], checksum))


if __name__ == "__main__":
    main()
